package dev.collapsar.processor.fuzz;

import dev.collapsar.processor.fuzz.RandomProgram.Env;
import dev.collapsar.processor.fuzz.RandomProgram.Expr;
import dev.collapsar.processor.fuzz.RandomProgram.Stmt;
import java.util.List;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.util.MathArrays;

/** The statements of random programs. */
final class Stmts {
  private Stmts() {}

  static Stmt declare(String name, Expr init) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append("double ").append(name).append(" = ").append(init.java()).append(";\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        env.doubles.put(name, init.eval(env));
        return null;
      }
    };
  }

  static Stmt assign(String name, String op, Expr value) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append(name).append(' ').append(op).append(' ').append(value.java()).append(";\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        env.doubles.put(name, combine(env.doubles.get(name), op, value.eval(env)));
        return null;
      }
    };
  }

  static Stmt ifElse(Expr condition, List<Stmt> then, List<Stmt> otherwise) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append("if (").append(condition.java()).append(") {\n");
        then.forEach(s -> s.java(out, indent + "  "));
        if (otherwise != null) {
          out.append(indent).append("} else {\n");
          otherwise.forEach(s -> s.java(out, indent + "  "));
        }
        out.append(indent).append("}\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        List<Stmt> taken = condition.eval(env).getReal() != 0 ? then : otherwise;
        if (taken != null) {
          taken.forEach(s -> s.exec(env));
        }
        return null;
      }
    };
  }

  /** A loop to a constant bound, or, with {@code bound} negative, to the run-time parameter n. */
  static Stmt loop(String index, int bound, List<Stmt> body) {
    return loop(index, bound < 0 ? Shape.BOUND : Integer.toString(bound), body);
  }

  /** {@code for (int index = 0; index < bound; index++)}, bound a constant, n, or {@code a.length}. */
  static Stmt loop(String index, String bound, List<Stmt> body) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append("for (int ").append(index).append(" = 0; ").append(index).append(" < ")
            .append(bound).append("; ").append(index).append("++) {\n");
        body.forEach(s -> s.java(out, indent + "  "));
        out.append(indent).append("}\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        int limit = env.intValue(bound);
        for (int i = 0; i < limit; i++) {
          env.ints.put(index, i);
          body.forEach(s -> s.exec(env));
        }
        env.ints.remove(index);
        return null;
      }
    };
  }

  /** {@code double[] name = new double[length];}, length a constant, n, or {@code a.length}. */
  static Stmt newArray(String name, String length) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append("double[] ").append(name).append(" = new double[").append(length).append("];\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        T[] elements = MathArrays.buildArray(env.zero.getField(), env.intValue(length));
        java.util.Arrays.fill(elements, env.zero);
        env.arrays.put(name, elements);
        return null;
      }
    };
  }

  /** {@code array[index] op value;} into a local array. */
  static Stmt setElement(String array, String index, String op, Expr value) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append(array).append('[').append(index).append("] ").append(op).append(' ')
            .append(value.java()).append(";\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        T[] elements = env.arrays.get(array);
        int i = env.intValue(index);
        elements[i] = combine(elements[i], op, value.eval(env));
        return null;
      }
    };
  }

  /** {@code target = source;} between local arrays: both names then refer to the same elements. */
  static Stmt alias(String target, String source) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append(target).append(" = ").append(source).append(";\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        env.arrays.put(target, env.arrays.get(source));
        return null;
      }
    };
  }

  private static <T extends CalculusFieldElement<T>> T combine(T old, String op, T v) {
    switch (op) {
      case "+=": return old.add(v);
      case "-=": return old.subtract(v);
      case "*=": return old.multiply(v);
      default: return v;
    }
  }

  /** Statements that belong together (a declaration and the loop that fills it), at one level. */
  static Stmt sequence(List<Stmt> statements) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        statements.forEach(s -> s.java(out, indent));
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        statements.forEach(s -> s.exec(env));
        return null;
      }
    };
  }

  static Stmt earlyReturn(Expr condition, Expr value) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append("if (").append(condition.java()).append(") return ").append(value.java()).append(";\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        return condition.eval(env).getReal() != 0 ? value.eval(env) : null;
      }
    };
  }

  static Stmt ret(Expr value) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append("return ").append(value.java()).append(";\n");
      }

      @Override
      public <T extends CalculusFieldElement<T>> T exec(Env<T> env) {
        return value.eval(env);
      }
    };
  }
}
