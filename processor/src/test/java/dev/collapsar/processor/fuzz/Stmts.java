package dev.collapsar.processor.fuzz;

import dev.collapsar.processor.fuzz.RandomProgram.Env;
import dev.collapsar.processor.fuzz.RandomProgram.Expr;
import dev.collapsar.processor.fuzz.RandomProgram.Stmt;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

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
      public DerivativeStructure exec(Env env) {
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
      public DerivativeStructure exec(Env env) {
        DerivativeStructure old = env.doubles.get(name);
        DerivativeStructure v = value.eval(env);
        switch (op) {
          case "+=": v = old.add(v); break;
          case "-=": v = old.subtract(v); break;
          case "*=": v = old.multiply(v); break;
          default: break;
        }
        env.doubles.put(name, v);
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
      public DerivativeStructure exec(Env env) {
        List<Stmt> taken = condition.eval(env).getValue() != 0 ? then : otherwise;
        if (taken != null) {
          taken.forEach(s -> s.exec(env));
        }
        return null;
      }
    };
  }

  /** A loop to a constant bound, or, with {@code bound} negative, to the run-time parameter n. */
  static Stmt loop(String index, int bound, List<Stmt> body) {
    return new Stmt() {
      @Override
      public void java(StringBuilder out, String indent) {
        out.append(indent).append("for (int ").append(index).append(" = 0; ").append(index).append(" < ")
            .append(bound < 0 ? RandomProgram.RUNTIME_BOUND_NAME : Integer.toString(bound)).append("; ")
            .append(index).append("++) {\n");
        body.forEach(s -> s.java(out, indent + "  "));
        out.append(indent).append("}\n");
      }

      @Override
      public DerivativeStructure exec(Env env) {
        int limit = bound < 0 ? env.ints.get(RandomProgram.RUNTIME_BOUND_NAME) : bound;
        for (int i = 0; i < limit; i++) {
          env.ints.put(index, i);
          body.forEach(s -> s.exec(env));
        }
        env.ints.remove(index);
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
      public DerivativeStructure exec(Env env) {
        return condition.eval(env).getValue() != 0 ? value.eval(env) : null;
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
      public DerivativeStructure exec(Env env) {
        return value.eval(env);
      }
    };
  }
}
