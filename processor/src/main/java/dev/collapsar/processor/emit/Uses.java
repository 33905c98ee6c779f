package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import java.util.List;

/** Whether generated code refers to a helper that the class must then contain. */
final class Uses {
  private Uses() {}

  /** Whether a body allocates local arrays ({@link Special#NEW_ARRAY}, {@link Special#NEW_ROWS}). */
  static boolean newArray(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let && (is(let.value(), Special.NEW_ARRAY) || is(let.value(), Special.NEW_ROWS))
          || s instanceof Statement.Branch b && (newArray(b.then()) || newArray(b.otherwise()))
          || s instanceof Statement.Loop l && newArray(l.body())) {
        return true;
      }
    }
    return false;
  }

  private static boolean is(Node n, Special operator) {
    return n instanceof Node.Apply a && a.operator() == operator;
  }

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
