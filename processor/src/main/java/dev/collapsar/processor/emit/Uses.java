package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import java.util.List;

/** Whether generated code refers to a helper that the class must then contain. */
final class Uses {
  private Uses() {}

  static boolean crossDot(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let && crossDot(let.value())
          || s instanceof Statement.Set set && crossDot(set.value())
          || s instanceof Statement.Branch b && (crossDot(b.condition()) || crossDot(b.then()) || crossDot(b.otherwise()))
          || s instanceof Statement.Loop l && (crossDot(l.condition()) || crossDot(l.body()))
          || s instanceof Statement.Store st && crossDot(st.value())) {
        return true;
      }
    }
    return false;
  }

  static boolean crossDot(Node n) {
    if (!(n instanceof Node.Apply a)) {
      return false;
    }
    if (a.operator() == Special.CROSS_DOT) {
      return true;
    }
    for (int i = 0; i < a.arity(); i++) {
      if (crossDot(a.argument(i))) {
        return true;
      }
    }
    return false;
  }
}
