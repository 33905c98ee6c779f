package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Type;

/**
 * Evaluates operators on constants with Java's own semantics (int arithmetic wraps and truncates,
 * double arithmetic is IEEE). Transcendental functions are not folded: {@code Math.sin} may differ
 * from {@code StrictMath.sin} in the last bit, and the generated code must compute what the user's
 * code computes at run time.
 */
final class ConstantFolder {
  private ConstantFolder() {}

  static Node fold(NodeFactory nodes, Op op, Node.Const a, Node.Const b) {
    if (op.isComparison()) {
      return nodes.constant(compare(op, a.value(), b.value()) ? 1 : 0, Type.BOOLEAN);
    }
    if (op == Op.AND || op == Op.OR) {
      boolean x = !a.is(0);
      boolean y = !b.is(0);
      return nodes.constant((op == Op.AND ? x && y : x || y) ? 1 : 0, Type.BOOLEAN);
    }
    if (a.type() == Type.INT && b.type() == Type.INT) {
      return nodes.constant(intArithmetic(op, (int) a.value(), (int) b.value()), Type.INT);
    }
    return nodes.number(doubleArithmetic(op, a.value(), b.value()));
  }

  static Node foldCall(NodeFactory nodes, MathFn fn, Node... args) {
    for (Node arg : args) {
      if (!(arg instanceof Node.Const)) {
        return null;
      }
    }
    double x = ((Node.Const) args[0]).value();
    switch (fn) {
      case ABS: return nodes.number(Math.abs(x));
      case SIGNUM: return nodes.number(Math.signum(x));
      case FLOOR: return nodes.number(Math.floor(x));
      case CEIL: return nodes.number(Math.ceil(x));
      case RINT: return nodes.number(Math.rint(x));
      case MIN: return nodes.number(Math.min(x, ((Node.Const) args[1]).value()));
      case MAX: return nodes.number(Math.max(x, ((Node.Const) args[1]).value()));
      default: return null;
    }
  }

  private static boolean compare(Op op, double a, double b) {
    switch (op) {
      case LT: return a < b;
      case LE: return a <= b;
      case GT: return a > b;
      case GE: return a >= b;
      case EQ: return a == b;
      default: return a != b;
    }
  }

  private static int intArithmetic(Op op, int a, int b) {
    switch (op) {
      case ADD: return a + b;
      case SUB: return a - b;
      case MUL: return a * b;
      case DIV: return b == 0 ? 0 : a / b; // division by zero is reported by the frontend
      case REM: return b == 0 ? 0 : a % b;
      default: throw new IllegalArgumentException("not an int operator: " + op);
    }
  }

  private static double doubleArithmetic(Op op, double a, double b) {
    switch (op) {
      case ADD: return a + b;
      case SUB: return a - b;
      case MUL: return a * b;
      case DIV: return a / b;
      case REM: return a % b;
      default: throw new IllegalArgumentException("not a double operator: " + op);
    }
  }
}
