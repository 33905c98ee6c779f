package dev.collapsar.processor.fuzz;

import dev.collapsar.processor.fuzz.RandomProgram.Env;
import dev.collapsar.processor.fuzz.RandomProgram.Expr;
import java.util.List;
import java.util.function.BinaryOperator;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/** The expressions of random programs: each knows its Java text and its value on derivative structures. */
final class Exprs {
  private Exprs() {}

  /** A guarded function of one or two arguments: Java text pattern and the same on derivative structures. */
  record Function(String pattern, BinaryOperator<DerivativeStructure> ds) {}

  /** Every supported Math function, each wrapped so that its arguments stay in the smooth domain. */
  static final List<Function> FUNCTIONS = List.of(
      new Function("Math.sin(%1$s)", (a, b) -> a.sin()),
      new Function("Math.cos(%1$s)", (a, b) -> a.cos()),
      new Function("Math.tan(Math.sin(%1$s))", (a, b) -> a.sin().tan()),
      new Function("Math.asin(0.9 * Math.sin(%1$s))", (a, b) -> a.sin().multiply(0.9).asin()),
      new Function("Math.acos(0.9 * Math.cos(%1$s))", (a, b) -> a.cos().multiply(0.9).acos()),
      new Function("Math.atan(%1$s)", (a, b) -> a.atan()),
      new Function("Math.atan2(%1$s, 2 + Math.cos(%2$s))", (a, b) -> a.atan2(b.cos().add(2))),
      new Function("Math.sinh(Math.sin(%1$s))", (a, b) -> a.sin().sinh()),
      new Function("Math.cosh(Math.sin(%1$s))", (a, b) -> a.sin().cosh()),
      new Function("Math.tanh(%1$s)", (a, b) -> a.tanh()),
      new Function("Math.exp(Math.sin(%1$s))", (a, b) -> a.sin().exp()),
      new Function("Math.expm1(Math.sin(%1$s))", (a, b) -> a.sin().expm1()),
      new Function("Math.log(1 + %1$s * %1$s)", (a, b) -> a.multiply(a).add(1).log()),
      new Function("Math.log1p(%1$s * %1$s)", (a, b) -> a.multiply(a).log1p()),
      new Function("Math.log10(2 + Math.sin(%1$s))", (a, b) -> a.sin().add(2).log10()),
      new Function("Math.sqrt(1 + %1$s * %1$s)", (a, b) -> a.multiply(a).add(1).sqrt()),
      new Function("Math.cbrt(2 + Math.sin(%1$s))", (a, b) -> a.sin().add(2).cbrt()),
      new Function("Math.pow(1.5 + Math.sin(%1$s), Math.cos(%2$s))", (a, b) -> a.sin().add(1.5).pow(b.cos())),
      new Function("Math.pow(1 + %1$s * %1$s, 1.5)", (a, b) -> a.multiply(a).add(1).pow(1.5)),
      new Function("Math.pow(%1$s, 3)", (a, b) -> a.pow(3)),
      new Function("Math.hypot(%1$s, 0.5 + %2$s * %2$s)", (a, b) -> a.hypot(b.multiply(b).add(0.5))),
      new Function("Math.abs(%1$s)", (a, b) -> a.abs()),
      new Function("Math.min(%1$s, %2$s)", (a, b) -> a.getValue() <= b.getValue() ? a : b),
      new Function("Math.max(%1$s, %2$s)", (a, b) -> a.getValue() >= b.getValue() ? a : b),
      new Function("Math.toRadians(%1$s)", (a, b) -> a.toRadians()),
      new Function("StrictMath.exp(Math.cos(%1$s))", (a, b) -> a.cos().exp()));

  static Expr function(Function f, Expr a, Expr b) {
    return new Expr() {
      @Override
      public String java() {
        return String.format(f.pattern(), a.java(), b.java());
      }

      @Override
      public DerivativeStructure eval(Env env) {
        return f.ds().apply(a.eval(env), b.eval(env));
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
      public DerivativeStructure eval(Env env) {
        DerivativeStructure x = a.eval(env);
        DerivativeStructure y = b.eval(env);
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
      public DerivativeStructure eval(Env env) {
        Env inner = new Env();
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
      public DerivativeStructure eval(Env env) {
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
      public DerivativeStructure eval(Env env) {
        double x = a.eval(env).getValue();
        double y = b.eval(env).getValue();
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
      public DerivativeStructure eval(Env env) {
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
      public DerivativeStructure eval(Env env) {
        return env.doubles.values().iterator().next().getField().getZero().add(env.ints.get(name));
      }
    };
  }

  /** {@code w[index]}, index a constant or an int variable. */
  static Expr weight(String index) {
    return new Expr() {
      @Override
      public String java() {
        return RandomProgram.WEIGHTS_NAME + "[" + index + "]";
      }

      @Override
      public DerivativeStructure eval(Env env) {
        int i = Character.isDigit(index.charAt(0)) ? Integer.parseInt(index) : env.ints.get(index);
        return env.doubles.values().iterator().next().getField().getZero().add(RandomProgram.WEIGHTS[i]);
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
      public DerivativeStructure eval(Env env) {
        return env.doubles.values().iterator().next().getField().getZero().add(value);
      }
    };
  }
}
