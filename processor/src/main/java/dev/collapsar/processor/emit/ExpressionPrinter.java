package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Type;

/** Prints value-graph nodes as Java expressions with the fewest parentheses Java's precedence allows. */
final class ExpressionPrinter {
  private static final int TERNARY = 3;
  private static final int OR = 4;
  private static final int AND = 5;
  private static final int EQUALITY = 9;
  private static final int RELATIONAL = 10;
  private static final int ADDITIVE = 12;
  private static final int MULTIPLICATIVE = 13;
  private static final int UNARY = 14;
  private static final int PRIMARY = 16;

  /** The name of the generated helper that computes {@link Special#CROSS_DOT}. */
  static final String CROSS_DOT = "crossDot";

  private ExpressionPrinter() {}

  static String print(Node n) {
    StringBuilder sb = new StringBuilder();
    print(n, 0, sb);
    return sb.toString();
  }

  private static void print(Node n, int context, StringBuilder sb) {
    int precedence = precedence(n);
    boolean parens = precedence < context;
    if (parens) {
      sb.append('(');
    }
    body(n, sb);
    if (parens) {
      sb.append(')');
    }
  }

  private static void body(Node n, StringBuilder sb) {
    if (n instanceof Node.Const c) {
      sb.append(literal(c));
    } else if (n instanceof Node.Ref r) {
      sb.append(r.name());
    } else {
      apply((Node.Apply) n, sb);
    }
  }

  private static void apply(Node.Apply a, StringBuilder sb) {
    if (a.operator() instanceof MathFn fn) {
      sb.append("Math.").append(fn.javaName()).append('(');
      for (int i = 0; i < a.arity(); i++) {
        sb.append(i > 0 ? ", " : "");
        print(a.argument(i), 0, sb);
      }
      sb.append(')');
    } else if (a.operator() == Special.SELECT) {
      print(a.argument(0), TERNARY + 1, sb);
      sb.append(" ? ");
      print(a.argument(1), TERNARY + 1, sb);
      sb.append(" : ");
      print(a.argument(2), TERNARY, sb);
    } else if (a.operator() == Special.ARRAY_LOAD) {
      print(a.argument(0), PRIMARY, sb);
      sb.append('[');
      print(a.argument(1), 0, sb);
      sb.append(']');
    } else if (a.operator() == Special.NEW_ARRAY) {
      sb.append(ArrayPool.FIELD).append(".take(");
      print(a.argument(0), 0, sb);
      sb.append(')');
    } else if (a.operator() == Special.NEW_ROWS) {
      sb.append(ArrayPool.FIELD).append(".takeRows(");
      print(a.argument(0), 0, sb);
      sb.append(", ");
      print(a.argument(1), 0, sb);
      sb.append(')');
    } else if (a.operator() == Special.CROSS_DOT || a.operator() == Special.FMA) {
      sb.append(a.operator() == Special.FMA ? "Math.fma" : CROSS_DOT).append('(');
      for (int i = 0; i < a.arity(); i++) {
        sb.append(i > 0 ? ", " : "");
        print(a.argument(i), 0, sb);
      }
      sb.append(')');
    } else if (a.operator() == Special.LENGTH) {
      print(a.argument(0), PRIMARY, sb);
      sb.append(".length");
    } else {
      operator((Op) a.operator(), a, sb);
    }
  }

  private static void operator(Op op, Node.Apply a, StringBuilder sb) {
    int p = precedence(a);
    if (op.arity() == 1) {
      sb.append(op.symbol());
      // "- -x" and "-(-1.0)" need a separator; a nested unary always gets parentheses.
      print(a.argument(0), PRIMARY - 1, sb);
      return;
    }
    print(a.argument(0), p, sb);
    sb.append(' ').append(op.symbol()).append(' ');
    print(a.argument(1), p + 1, sb); // left-associative: an equal-precedence right operand needs parentheses
  }

  private static int precedence(Node n) {
    if (n instanceof Node.Const c) {
      return c.value() < 0 || (c.value() == 0 && 1 / c.value() < 0) ? UNARY : PRIMARY;
    }
    if (!(n instanceof Node.Apply a)) {
      return PRIMARY;
    }
    if (a.operator() instanceof MathFn || a.operator() instanceof Special && a.operator() != Special.SELECT) {
      return PRIMARY;
    }
    if (a.operator() == Special.SELECT) {
      return TERNARY;
    }
    switch ((Op) a.operator()) {
      case NEG: case NOT: return UNARY;
      case MUL: case DIV: case REM: return MULTIPLICATIVE;
      case ADD: case SUB: return ADDITIVE;
      case LT: case LE: case GT: case GE: return RELATIONAL;
      case EQ: case NE: return EQUALITY;
      case AND: return AND;
      default: return OR;
    }
  }

  static String literal(Node.Const c) {
    double v = c.value();
    if (c.type() == Type.BOOLEAN) {
      return v != 0 ? "true" : "false";
    }
    if (c.type() == Type.INT) {
      return Integer.toString((int) v);
    }
    if (Double.isNaN(v)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(v);
  }
}
