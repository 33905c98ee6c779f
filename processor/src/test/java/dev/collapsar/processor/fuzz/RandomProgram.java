package dev.collapsar.processor.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.CalculusFieldElement;

/**
 * A random function of the supported subset, kept as a small tree so that it can be printed as Java
 * for the processor and evaluated on derivative structures for the oracle: two independent readings
 * of one program. Every function application is guarded to stay inside its domain; every array index
 * is in bounds by construction. The Java text holds the program twice, once per mode
 * ({@code name + "c"} collapsed, {@code name + "s"} standard), sharing its helper.
 */
final class RandomProgram {
  /** Expressions over the parameters, the locals and the loop indices. */
  interface Expr {
    String java();

    <T extends CalculusFieldElement<T>> T eval(Env<T> env);
  }

  /** Statements. */
  interface Stmt {
    void java(StringBuilder out, String indent);

    /** Executes; returns a value when the statement returned. */
    <T extends CalculusFieldElement<T>> T exec(Env<T> env);
  }

  /** Variables during evaluation; arrays are shared objects, so that {@code h = z} aliases as in Java. */
  static final class Env<T extends CalculusFieldElement<T>> {
    final Map<String, T> doubles = new HashMap<>();
    final Map<String, Integer> ints = new HashMap<>();
    final Map<String, T[]> arrays = new HashMap<>();
    T zero;
    Expr helper;

    /** An int operand: a literal, an int variable, or {@code a.length}. */
    int intValue(String text) {
      if (Character.isDigit(text.charAt(0))) {
        return Integer.parseInt(text);
      }
      if (text.endsWith(".length")) {
        return arrays.get(text.substring(0, text.length() - ".length".length())).length;
      }
      return ints.get(text);
    }
  }

  /** The two modes every program is compiled in, with the suffix of their method names. */
  static final List<String> MODES = List.of("COLLAPSED", "STANDARD");

  final String name;
  final Shape shape;
  final List<Stmt> body;
  /** A helper method the body may call, over parameters a and b; null when none. */
  final Expr helper;
  /** The constructs the program uses, for the run's statistics. */
  final java.util.Set<String> constructs;

  RandomProgram(String name, Shape shape, List<Stmt> body, Expr helper, java.util.Set<String> constructs) {
    this.name = name;
    this.shape = shape;
    this.body = body;
    this.helper = helper;
    this.constructs = constructs;
  }

  /** The same program with top-level statement {@code i} removed (for minimizing a failure). */
  RandomProgram without(int i) {
    List<Stmt> fewer = new ArrayList<>(body);
    fewer.remove(i);
    return new RandomProgram(name, shape, fewer, helper, constructs);
  }

  static String helperName(String program) {
    return "h" + program;
  }

  /** The generated method's name for a mode. */
  String method(String mode) {
    return name + Character.toLowerCase(mode.charAt(0));
  }

  String java() {
    StringBuilder out = new StringBuilder();
    if (helper != null) {
      out.append("  static double ").append(helperName(name)).append("(double a, double b) {\n    return ")
          .append(helper.java()).append(";\n  }\n\n");
    }
    for (String mode : MODES) {
      out.append("  ").append(shape.annotation(mode)).append('\n');
      out.append("  static double ").append(method(mode)).append('(').append(shape.parameters()).append(") {\n");
      for (Stmt s : body) {
        s.java(out, "    ");
      }
      out.append("  }\n");
    }
    return out.toString();
  }

  <T extends CalculusFieldElement<T>> T eval(T[] x) {
    Env<T> env = new Env<>();
    env.helper = helper;
    env.zero = x[0].getField().getZero();
    env.ints.put(Shape.BOUND, Shape.RUNTIME_BOUND);
    if (shape.array()) {
      env.arrays.put("x", x.clone());
    } else {
      for (int i = 0; i < x.length; i++) {
        env.doubles.put(shape.coordinate(i), x[i]);
      }
    }
    for (Stmt s : body) {
      T r = s.exec(env);
      if (r != null) {
        return r;
      }
    }
    throw new IllegalStateException("no return");
  }
}
