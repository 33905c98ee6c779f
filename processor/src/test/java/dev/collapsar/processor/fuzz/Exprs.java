package dev.collapsar.processor.fuzz;

import dev.collapsar.processor.fuzz.RandomProgram.Env;
import dev.collapsar.processor.fuzz.RandomProgram.Expr;
import java.util.List;
import org.hipparchus.CalculusFieldElement;

/**
 * The expressions of random programs: each knows its Java text and its value on derivative structures
 * of any field (double for the oracle, Dfp for a second, more precise evaluation).
 */
final class Exprs {
  private Exprs() {}

  /** A guarded function of one or two arguments: its Java text pattern and its number in {@link #apply}. */
  record Function(String pattern, int number) {}

  /** Every supported Math function, each wrapped so that its arguments stay in the smooth domain. */
  static final List<Function> FUNCTIONS = List.of(
      new Function("Math.sin(%1$s)", 0),
      new Function("Math.cos(%1$s)", 1),
      new Function("Math.tan(Math.sin(%1$s))", 2),
      new Function("Math.asin(0.9 * Math.sin(%1$s))", 3),
      new Function("Math.acos(0.9 * Math.cos(%1$s))", 4),
      new Function("Math.atan(%1$s)", 5),
      new Function("Math.atan2(%1$s, 2 + Math.cos(%2$s))", 6),
      new Function("Math.sinh(Math.sin(%1$s))", 7),
      new Function("Math.cosh(Math.sin(%1$s))", 8),
      new Function("Math.tanh(%1$s)", 9),
      new Function("Math.exp(Math.sin(%1$s))", 10),
      new Function("Math.expm1(Math.sin(%1$s))", 11),
      new Function("Math.log(1 + %1$s * %1$s)", 12),
      new Function("Math.log1p(%1$s * %1$s)", 13),
      new Function("Math.log10(2 + Math.sin(%1$s))", 14),
      new Function("Math.sqrt(1 + %1$s * %1$s)", 15),
      new Function("Math.cbrt(2 + Math.sin(%1$s))", 16),
      new Function("Math.pow(1.5 + Math.sin(%1$s), Math.cos(%2$s))", 17),
      new Function("Math.pow(1 + %1$s * %1$s, 1.5)", 18),
      new Function("Math.pow(%1$s, 3)", 19),
      new Function("Math.hypot(%1$s, 0.5 + %2$s * %2$s)", 20),
      new Function("Math.abs(%1$s)", 21),
      new Function("Math.min(%1$s, %2$s)", 22),
      new Function("Math.max(%1$s, %2$s)", 23),
      new Function("Math.toRadians(%1$s)", 24),
      new Function("StrictMath.exp(Math.cos(%1$s))", 25));

  /** The functions of {@link #FUNCTIONS} on any field: derivative structures, in double or in Dfp. */
  static <T extends CalculusFieldElement<T>> T apply(int number, T a, T b) {
    switch (number) {
      case 0: return a.sin();
      case 1: return a.cos();
      case 2: return a.sin().tan();
      case 3: return a.sin().multiply(0.9).asin();
      case 4: return a.cos().multiply(0.9).acos();
      case 5: return a.atan();
      case 6: return a.atan2(b.cos().add(2));
      case 7: return a.sin().sinh();
      case 8: return a.sin().cosh();
      case 9: return a.tanh();
      case 10: return a.sin().exp();
      case 11: return a.sin().expm1();
      case 12: return a.multiply(a).add(1).log();
      case 13: return a.multiply(a).log1p();
      case 14: return a.sin().add(2).log10();
      case 15: return a.multiply(a).add(1).sqrt();
      case 16: return a.sin().add(2).cbrt();
      case 17: return a.sin().add(1.5).pow(b.cos());
      case 18: return a.multiply(a).add(1).pow(1.5);
      case 19: return a.pow(3);
      case 20: return a.hypot(b.multiply(b).add(0.5));
      case 21: return a.abs();
      case 22: return a.getReal() <= b.getReal() ? a : b;
      case 23: return a.getReal() >= b.getReal() ? a : b;
      case 24: return a.toRadians();
      case 25: return a.cos().exp();
      default: throw new IllegalArgumentException("no function " + number);
    }
  }

  static Expr function(Function f, Expr a, Expr b) {
    return new Expr() {
      @Override
      public String java() {
        return String.format(f.pattern(), a.java(), b.java());
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return apply(f.number(), a.eval(env), b.eval(env));
      }
    };
  }

  static Expr binary(Expr a, String op, Expr b) {
    return new Expr() {
      @Override
      public String java() {
        return op.equals("/") ? "(" + a.java() + ") / (1.5 + Math.cos(" + b.java() + "))"
            : "(" + a.java() + " " + op + " " + b.java() + ")";
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        T x = a.eval(env);
        T y = b.eval(env);
        switch (op) {
          case "+": return x.add(y);
          case "-": return x.subtract(y);
          case "*": return x.multiply(y);
          default: return x.divide(y.cos().add(1.5));
        }
      }
    };
  }

  /** A call of the program's helper h(a, b); the oracle evaluates the helper's expression. */
  static Expr call(String helper, Expr a, Expr b) {
    return new Expr() {
      @Override
      public String java() {
        return helper + "(" + a.java() + ", " + b.java() + ")";
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        Env<T> inner = new Env<>();
        inner.zero = env.zero;
        inner.doubles.put("a", a.eval(env));
        inner.doubles.put("b", b.eval(env));
        return env.helper.eval(inner);
      }
    };
  }

  static Expr negate(Expr a) {
    return new Expr() {
      @Override
      public String java() {
        return "-(" + a.java() + ")";
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return a.eval(env).negate();
      }
    };
  }

  static Expr compare(Expr a, String op, Expr b) {
    return new Expr() {
      @Override
      public String java() {
        return a.java() + " " + op + " " + b.java();
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        double x = a.eval(env).getReal();
        double y = b.eval(env).getReal();
        boolean holds = op.equals(">") ? x > y : x <= y;
        return holds ? a.eval(env).getField().getOne() : a.eval(env).getField().getZero();
      }
    };
  }

  static Expr variable(String name) {
    return new Expr() {
      @Override
      public String java() {
        return name;
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return env.doubles.get(name);
      }
    };
  }

  static Expr intVariable(String name) {
    return new Expr() {
      @Override
      public String java() {
        return name;
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return env.zero.add(env.ints.get(name));
      }
    };
  }

  /** {@code w[index]}, index a constant or an int variable. */
  static Expr weight(String index) {
    return new Expr() {
      @Override
      public String java() {
        return "w[" + index + "]";
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return env.zero.add(Shape.WEIGHTS[env.intValue(index)]);
      }
    };
  }

  /** {@code m[row][column]}: a weight matrix read with constant or run-time indices. */
  static Expr matrix(String row, String column) {
    return new Expr() {
      @Override
      public String java() {
        return "m[" + row + "][" + column + "]";
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return env.zero.add(Shape.MATRIX[env.intValue(row)][env.intValue(column)]);
      }
    };
  }

  /** {@code array[index]}: an element of the coordinate array or of a local array. */
  static Expr element(String array, String index) {
    return new Expr() {
      @Override
      public String java() {
        return array + "[" + index + "]";
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return env.arrays.get(array)[env.intValue(index)];
      }
    };
  }

  static Expr constant(double value) {
    return new Expr() {
      @Override
      public String java() {
        return value < 0 ? "(" + value + ")" : Double.toString(value);
      }

      @Override
      public <T extends CalculusFieldElement<T>> T eval(Env<T> env) {
        return env.zero.add(value);
      }
    };
  }
}
