package dev.collapsar.processor.robust;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog of constructs outside Collapsar's Java subset, each valid Java that only Collapsar
 * rejects. A construct is one statement line (in scope: parameters {@code double x, double y, int n,
 * double[] w} and a local {@code double t}), optional class members it needs, and the diagnostic
 * id it must give. {@value #MARK} marks the line the single error must be on: the statement line,
 * or a member's line when the fault is in a helper (recursion, a bad helper signature). In
 * statements and members {@code {C}} stands for the class that holds them, {@code {U}} for the class
 * of the annotated method {@code u(double x, double y, int n, double[] w)}.
 */
final class BadConstructs {
  /** Marks the line of the expected error. */
  static final String MARK = "/*<-*/";

  /**
   * @param name a short name, unique in the catalog
   * @param id the expected diagnostic id (without {@code Collapsar/})
   * @param members class members the statement needs (fields, helpers), or empty
   * @param statement one line of statements, using {@code t}, {@code x}, {@code y}, {@code n}, {@code w}
   * @param pending for a construct that is only "not supported yet", what to do when support lands;
   *     otherwise empty
   */
  record Construct(String name, String id, String members, String statement, String pending) {
    /** Whether the expected error is on the statement's line (else on a member's). */
    boolean markedInStatement() {
      return statement.contains(MARK);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final List<Construct> all = new ArrayList<>();

  private BadConstructs() {}

  private void add(String name, String id, String statement) {
    add(name, id, "", statement);
  }

  private void add(String name, String id, String members, String statement) {
    if (!(members + statement).contains(MARK)) {
      throw new IllegalArgumentException(name + ": no " + MARK);
    }
    all.add(new Construct(name, id, members, statement, pending));
  }

  /** Set while adding constructs that a planned feature will make valid. */
  private String pending = "";

  private static final String ARRAY_WRITES = "array element writes are planned: once the processor accepts them, "
      + "remove the construct from BadConstructs and let the differential fuzzer cover it";

  static List<Construct> all() {
    BadConstructs c = new BadConstructs();
    c.calls();
    c.fields();
    c.loops();
    c.statements();
    c.types();
    c.expressions();
    c.recursion();
    return List.copyOf(c.all);
  }

  private static final String INSTANCE = "  static final {C} INSTANCE = new {C}();\n"
      + "  double scale(double v) { return 2 * v; }\n";
  private static final String APPLY =
      "  static double apply(java.util.function.DoubleUnaryOperator f, double v) { return f.applyAsDouble(v); }\n";

  private void calls() {
    add("Math.random", "UnsupportedCall", "t = t * Math.random(); " + MARK);
    add("StrictMath.random", "UnsupportedCall", "t = t * StrictMath.random(); " + MARK);
    add("Math.fma", "UnsupportedCall", "t = Math.fma(t, x, y); " + MARK);
    add("Math.ulp", "UnsupportedCall", "t = t + Math.ulp(x); " + MARK);
    add("Math.floorMod", "UnsupportedCall", "t = t + Math.floorMod(n, 3); " + MARK);
    add("System.nanoTime", "UnsupportedCall", "t = t + System.nanoTime(); " + MARK);
    add("System.currentTimeMillis", "UnsupportedCall", "t = t + 1e-12 * System.currentTimeMillis(); " + MARK);
    add("java.util.Objects.hash", "UnsupportedCall", "t = t + java.util.Objects.hash(x); " + MARK);
    add("Objects.hash imported", "UnsupportedCall", "t = t + Objects.hash(x, y); " + MARK);
    add("Double.compare", "UnsupportedCall", "t = t + Double.compare(x, y); " + MARK);
    add("Double.valueOf", "UnsupportedCall", "t = t + Double.valueOf(x); " + MARK);
    add("Integer.signum", "UnsupportedCall", "t = t * Integer.signum(n); " + MARK);
    add("instance method via a constant", "UnsupportedCall", INSTANCE, "t = t + INSTANCE.scale(x); " + MARK);
    add("instance method of a new object", "UnsupportedCall", INSTANCE, "t = t + new {C}().scale(x); " + MARK);
    add("method of a string", "UnsupportedCall", "t = t + \"abc\".length(); " + MARK);
    add("method of a lambda", "UnsupportedCall",
        "t = t + ((java.util.function.DoubleUnaryOperator) v -> v * 2).applyAsDouble(x); " + MARK);
    add("void helper as a statement", "UnsupportedStatement", "  static void touch(double v) { }\n",
        "touch(t); " + MARK);
    add("Math call as a statement", "UnsupportedStatement", "Math.sin(t); " + MARK);
    add("helper with an object parameter", "ParameterType",
        "  static double twice(Double v) { return 2 * v; } " + MARK + "\n", "t = t + twice(x);");
    add("helper returning boolean", "ReturnType", "  static boolean big(double v) { return v > 1; } " + MARK + "\n",
        "if (big(t)) { t = t / 2; }");
    add("helper returning long", "ReturnType", "  static long rounded(double v) { return Math.round(v); } " + MARK + "\n",
        "t = t + rounded(x);");
  }

  private void fields() {
    String counter = "  static double counter;\n";
    add("field write", "UnsupportedStatement", counter, "counter = t; " + MARK);
    add("qualified field write", "UnsupportedStatement", counter, "{C}.counter = t; " + MARK);
    add("field compound assignment", "UnsupportedStatement", counter, "counter += t; " + MARK);
    add("field increment", "UnsupportedStatement", counter, "counter++; " + MARK);
    add("instance field write", "UnsupportedStatement", "  static final {C} INSTANCE = new {C}();\n  double factor;\n",
        "INSTANCE.factor = t; " + MARK);
    add("mutable static field read", "UnknownName", "  static double scale = 2.0;\n", "t = t * scale; " + MARK);
    add("static final field without a constant value", "UnknownName",
        "  static final double SEED = Math.random();\n", "t = t + SEED; " + MARK);
    add("static final array", "UnknownName", "  static final double[] TABLE = {1, 2};\n", "t = t * TABLE[0]; " + MARK);
    add("instance field read", "UnknownName", "  static final {C} INSTANCE = new {C}();\n  double factor = 3;\n",
        "t = t * INSTANCE.factor; " + MARK);
    add("long constant", "UnsupportedType", "t = t + 1e-30 * Long.MAX_VALUE; " + MARK);
    add("String constant", "UnsupportedType", "  static final String NAME = \"u\";\n",
        "t = t + (NAME == \"u\" ? 1 : 0); " + MARK);
    add("method of a String constant", "UnsupportedCall", "  static final String NAME = \"u\";\n",
        "t = t + NAME.length(); " + MARK);
  }

  private void loops() {
    add("while loop", "UnsupportedStatement", "while (t > 1) { t = t / 2; } " + MARK);
    add("do-while loop", "UnsupportedStatement", "do { t = t / 2; } while (t > 1); " + MARK);
    add("enhanced for loop", "UnsupportedStatement", "for (double v : w) { t += v; } " + MARK);
    // Loops to n, to w.length, to a value of the primal, or with a data-dependent exit are run-time
    // loops since 767dcd5, covered by the differential fuzzer and RuntimeLoopTest.
    add("for loop without condition", "LoopBound", "for (int j = 0; ; j++) { if (j > 2) { break; } } " + MARK);
    add("for loop with a run-time step", "LoopBound", "for (int j = 0; j < 3; j += n) { t += x; } " + MARK);
    add("run-time loop whose condition calls a helper", "LoopBound", "  static int count(int m) { return m + 1; }\n",
        "for (int j = 0; j < count(n); j++) { t += x; } " + MARK);
    add("bound constant only on the first iteration", "LoopBound",
        "int m = 3; for (int j = 0; j < m; j++) { m = n; t += x; } " + MARK);
    // The body is inactive: with t in it, the processor takes about 10 s to reach the limit.
    add("return inside a run-time loop", "UnsupportedStatement",
        "for (int j = 0; j < n; j++) { if (t > 5) { return t; } t = t * 1.5; } " + MARK);
  }

  private void statements() {
    add("switch statement", "UnsupportedStatement",
        "int q = 2; switch (q) { case 1: t = t * 2; break; default: t = t + 1; } " + MARK);
    add("switch on a parameter", "UnsupportedStatement", "switch (n) { case 1: t = t * 2; break; default: t = t + 1; } " + MARK);
    add("try/catch", "UnsupportedStatement", "try { t = t * 2; } catch (RuntimeException e) { t = 0; } " + MARK);
    add("try/finally", "UnsupportedStatement", "try { t = t * 2; } finally { t = t + 1; } " + MARK);
    add("throw", "UnsupportedStatement", "if (t > 1e300) { throw new IllegalStateException(\"too big\"); } " + MARK);
    add("break", "UnsupportedStatement", "for (int j = 0; j < 3; j++) { if (t > 5) { break; } t = t * 1.5; } " + MARK);
    add("continue", "UnsupportedStatement", "for (int j = 0; j < 3; j++) { if (t > 5) { continue; } t = t * 1.5; } " + MARK);
    add("return inside a loop", "UnsupportedStatement",
        "for (int j = 0; j < 3; j++) { if (t > 5) { return t; } t = t * 1.5; } " + MARK);
    add("labeled loop", "UnsupportedStatement", "outer: for (int j = 0; j < 2; j++) { t = t + j; } " + MARK);
    add("synchronized block", "UnsupportedStatement", "synchronized ({C}.class) { t = t * 2; } " + MARK);
    add("assert", "UnsupportedStatement", "assert t == t; " + MARK);
    add("local class", "UnsupportedStatement", "class Local { } " + MARK);
    pending = ARRAY_WRITES;
    add("array element write", "UnsupportedStatement", "w[0] = t; " + MARK);
    add("array element compound assignment", "UnsupportedStatement", "w[1] += t; " + MARK);
    add("array element increment", "UnsupportedStatement", "w[0]++; " + MARK);
    pending = "";
    // Java would write into the caller's array: rejected for good, not pending.
    add("write through a parameter alias", "UnsupportedStatement", "double[] h = w; h[0] = t; " + MARK);
    add("write through an alias of an alias", "UnsupportedStatement",
        "double[] a = w; double[] b = (a); b[1] += t; " + MARK);
    add("write before the loop makes an alias", "UnsupportedStatement",
        "double[] h = new double[2]; for (int k = 0; k < n; k++) { h[0] = t; h = w; } " + MARK);
  }

  private void types() {
    add("long local", "UnsupportedType", "long q = 3; t = t + q; " + MARK);
    add("long literal", "UnsupportedType", "t = t + 3L; " + MARK);
    add("float local", "UnsupportedType", "float q = 1.5f; t = t * q; " + MARK);
    add("char local", "UnsupportedType", "char q = 'a'; t = t + q; " + MARK);
    add("Double local", "UnsupportedType", "Double q = x; t = t + q; " + MARK);
    add("String local", "UnsupportedType", "String s = \"v\" + t; t = t + s.length(); " + MARK);
    add("Object local", "UnsupportedType", "Object o = t; t = t + o.hashCode(); " + MARK);
    add("var local", "UnsupportedType", "var q = t * 2; t = q; " + MARK);
    add("array initializer", "UnsupportedExpression", "double[] q = {x, y}; t = t + q[0]; " + MARK);
    add("lambda local", "UnsupportedType", "java.util.function.DoubleUnaryOperator f = v -> v * 2; t = f.applyAsDouble(t); " + MARK);
    add("method reference local", "UnsupportedType", "java.util.function.DoubleUnaryOperator f = Math::sin; t = f.applyAsDouble(t); " + MARK);
  }

  private void expressions() {
    add("lambda argument", "UnsupportedExpression", APPLY, "t = t + apply(v -> v * 2, x); " + MARK);
    add("method reference argument", "UnsupportedExpression", APPLY, "t = t + apply(Math::sin, x); " + MARK);
    add("anonymous class", "UnsupportedExpression", APPLY,
        "t = t + apply(new java.util.function.DoubleUnaryOperator() { public double applyAsDouble(double v) { return v; } }, x); "
            + MARK);
    add("new Double", "UnsupportedExpression", "t = t * new Double(2.0); " + MARK);
    add("new array", "UnsupportedExpression", "t = t + new double[] {x, y}[0]; " + MARK);
    add("string concatenation", "UnsupportedExpression", "t = t + Double.parseDouble(\"1\" + t); " + MARK);
    add("string in a comparison", "UnsupportedExpression", "if (\"a\" == \"b\") { t = t + 1; } " + MARK);
    add("instanceof", "UnsupportedExpression", "boolean q = ((Object) t) instanceof Double; if (q) { t = t + 1; } " + MARK);
    add("assignment inside an expression", "UnsupportedExpression", "t = (t = t * 2) + 1; " + MARK);
    add("compound assignment inside an expression", "UnsupportedExpression", "double q = (t += 1) * 2; t = q; " + MARK);
    add("increment inside an expression", "UnsupportedExpression", "double q = t++ * 2; t = q; " + MARK);
    add("chained assignment", "UnsupportedExpression", "double q; q = t = x * 2; t = t + q; " + MARK);
    add("cast to int", "UnsupportedExpression", "t = t + (int) t; " + MARK);
    add("cast to float", "UnsupportedExpression", "t = (float) t; " + MARK);
    add("remainder of doubles", "UnsupportedExpression", "t = t % 2.0; " + MARK);
    add("bitwise and", "UnsupportedExpression", "int q = n & 3; t = t + q; " + MARK);
    add("shift", "UnsupportedExpression", "int q = n << 1; t = t + q; " + MARK);
    add("boolean xor", "UnsupportedExpression", "boolean q = (x > 0) ^ (y > 0); if (q) { t = -t; } " + MARK);
    add("null", "UnsupportedExpression", "t = t + (w == null ? 0 : 1); " + MARK);
    add("char literal", "UnsupportedExpression", "t = t + 'a'; " + MARK);
    add("class literal", "UnsupportedExpression", "t = t + ({C}.class == null ? 1 : 0); " + MARK);
  }

  private void recursion() {
    add("direct recursion", "Recursion",
        "  static double halve(double v) { return v < 1 ? v : halve(v / 2); } " + MARK + "\n", "t = t + halve(x);");
    add("mutual recursion", "Recursion",
        "  static double ping(double v) { return v < 1 ? v : pong(v / 2); }\n"
            + "  static double pong(double v) { return v < 1 ? v : ping(v / 3); } " + MARK + "\n",
        "t = t + ping(x);");
    add("recursion through the annotated method", "Recursion",
        "  static double back(double v, double[] w) { return v < 1 ? v : {U}.u(v / 2, v, 0, w); } " + MARK + "\n",
        "t = t + back(x, w);");
    add("annotated method calling itself", "Recursion", "t = t + (x > 10 ? {U}.u(x / 2, y, n, w) : 0); " + MARK);
  }
}
