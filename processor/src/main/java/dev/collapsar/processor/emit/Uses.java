package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import java.util.List;

/** Whether generated code refers to a helper that the class must then contain. */
final class Uses {
  private Uses() {}

  static boolean rowDot(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let && rowDot(let.value())
          || s instanceof Statement.Set set && rowDot(set.value())
          || s instanceof Statement.Branch b && (rowDot(b.condition()) || rowDot(b.then()) || rowDot(b.otherwise()))) {
        return true;
      }
    }
    return false;
  }

  static boolean rowDot(Node n) {
    if (!(n instanceof Node.Apply a)) {
      return false;
    }
    if (a.operator() == Special.ROW_DOT) {
      return true;
    }
    for (int i = 0; i < a.arity(); i++) {
      if (rowDot(a.argument(i))) {
        return true;
      }
    }
    return false;
  }
}
