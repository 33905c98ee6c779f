package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import java.util.HashMap;
import java.util.Map;

/** Evaluates a value graph numerically, for testing rules without generating code. */
final class NodeEvaluator {
  private final Map<String, Double> variables;
  private final Map<Node, Double> memo = new HashMap<>();

  NodeEvaluator(Map<String, Double> variables) {
    this.variables = variables;
  }

  double eval(Node n) {
    Double known = memo.get(n);
    if (known != null) {
      return known;
    }
    double v;
    if (n instanceof Node.Const c) {
      v = c.value();
    } else if (n instanceof Node.Ref r) {
      v = variables.get(r.name());
    } else {
      v = apply((Node.Apply) n);
    }
    memo.put(n, v);
    return v;
  }

  private double apply(Node.Apply a) {
    if (a.operator() == Special.SELECT) {
      return eval(a.argument(0)) != 0 ? eval(a.argument(1)) : eval(a.argument(2));
    }
    double x = eval(a.argument(0));
    double y = a.arity() > 1 ? eval(a.argument(1)) : 0;
    if (a.operator() instanceof Op op) {
      switch (op) {
        case NEG: return -x;
        case ADD: return x + y;
        case SUB: return x - y;
        case MUL: return x * y;
        case DIV: return x / y;
        case LT: return x < y ? 1 : 0;
        case LE: return x <= y ? 1 : 0;
        case GT: return x > y ? 1 : 0;
        case GE: return x >= y ? 1 : 0;
        default: throw new IllegalArgumentException(op.toString());
      }
    }
    switch ((MathFn) a.operator()) {
      case SIN: return Math.sin(x);
      case COS: return Math.cos(x);
      case TAN: return Math.tan(x);
      case ASIN: return Math.asin(x);
      case ACOS: return Math.acos(x);
      case ATAN: return Math.atan(x);
      case ATAN2: return Math.atan2(x, y);
      case SINH: return Math.sinh(x);
      case COSH: return Math.cosh(x);
      case TANH: return Math.tanh(x);
      case EXP: return Math.exp(x);
      case EXPM1: return Math.expm1(x);
      case LOG: return Math.log(x);
      case LOG1P: return Math.log1p(x);
      case LOG10: return Math.log10(x);
      case SQRT: return Math.sqrt(x);
      case CBRT: return Math.cbrt(x);
      case POW: return Math.pow(x, y);
      case HYPOT: return Math.hypot(x, y);
      case ABS: return Math.abs(x);
      case SIGNUM: return Math.signum(x);
      case MIN: return Math.min(x, y);
      case MAX: return Math.max(x, y);
      case FLOOR: return Math.floor(x);
      case CEIL: return Math.ceil(x);
      case RINT: return Math.rint(x);
      case TO_RADIANS: return Math.toRadians(x);
      default: return Math.toDegrees(x);
    }
  }
}
