package dev.collapsar.processor.diag;

/**
 * The message catalog: every diagnostic the processor reports about annotations and method bodies,
 * worded in one place (operator-text messages are in {@link OperatorMessages}). Each message is a
 * full sentence naming the construct; the hint says what to write instead.
 */
public final class Messages {
  private Messages() {}

  private static Problem problem(DiagnosticId id, String message, String hint) {
    return new Problem(id, message, hint);
  }

  // ---- annotation use

  public static Problem notStatic(String method, String annotation) {
    return problem(DiagnosticId.NOT_STATIC, "@" + annotation + " method " + method + " must be static.",
        "Make the method static; generated operators call it as a plain function.");
  }

  public static Problem returnType(String method, String type) {
    return problem(DiagnosticId.RETURN_TYPE, "Method " + method + " returns " + type + ", but a differentiated method "
        + "must return double (a helper may also return int).",
        "Return a double; for several outputs, annotate one method per output.");
  }

  public static Problem parameterType(String parameter, String type) {
    return problem(DiagnosticId.PARAMETER_TYPE, "Parameter " + parameter + " has type " + type
        + ", which is not supported; parameters may be double, int, boolean, double[], double[][] or double[][][].",
        "Pass the numbers as one of those types (a double for a Double, a double[] for a list of numbers).");
  }

  public static Problem missingDim(String parameter) {
    return problem(DiagnosticId.MISSING_DIM, "The coordinates are the array parameter " + parameter
        + ", but its length is not given.", "Add dim = <length>, e.g. @Laplacian(dim = 3). (A @Laplacian whose only "
        + "coordinates are one double[] may omit dim: the length is then read at run time.)");
  }

  public static Problem badDim(int dim) {
    return problem(DiagnosticId.BAD_DIM, "dim = " + dim + " is not a valid dimension; it must be between 1 and "
        + Limits.MAX_DIM + ".", "Give the coordinate array's length, e.g. dim = 3, or leave dim out for @Laplacian to "
        + "read it at run time.");
  }

  public static Problem dimWithoutArray(int dim, java.util.List<String> coordinates) {
    return problem(DiagnosticId.BAD_DIM, "dim = " + dim + " is given, but no differentiated parameter is a double[]: "
        + "the coordinates are " + String.join(", ", coordinates) + ".",
        "Remove dim, or differentiate with respect to a double[] parameter (wrt = \"<its name>\").");
  }

  public static Problem unknownWrt(String name, String available) {
    return problem(DiagnosticId.UNKNOWN_WRT, "wrt names " + name + ", which is not a double or double[] parameter of this method.",
        "Differentiable parameters: " + available + ".");
  }

  public static Problem ambiguousWrt(String reason, String fix) {
    return problem(DiagnosticId.AMBIGUOUS_WRT, "The coordinates to differentiate are ambiguous: " + reason + ".", fix);
  }

  /** No wrt, no double parameter, several double[] ones. */
  public static Problem severalArrays(java.util.List<String> arrays) {
    return ambiguousWrt("the method has " + arrays.size() + " double[] parameters (" + String.join(", ", arrays) + ")",
        "Name the one that holds the coordinates: wrt = \"" + arrays.get(0) + "\", dim = <its length>.");
  }

  /** No wrt, and both double and double[] parameters: either could be the coordinates. */
  public static Problem ambiguousDefault(java.util.List<String> scalars, java.util.List<String> arrays) {
    String doubles = scalars.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(", "));
    String array = arrays.get(0);
    return problem(DiagnosticId.AMBIGUOUS_WRT, "The coordinates to differentiate are ambiguous: the method has double "
        + "parameters (" + String.join(", ", scalars) + ") and double[] parameters (" + String.join(", ", arrays)
        + "), and either could be the coordinates.",
        "Say which: wrt = {" + doubles + "} to differentiate the doubles (the arrays are then constants such as "
        + "weights), or wrt = \"" + array + "\", dim = <its length> for the array " + array
        + " (without dim its length is read at run time).");
  }

  public static Problem badName(String name) {
    return problem(DiagnosticId.BAD_NAME, "name = \"" + name + "\" is not a valid Java method name.",
        "Use an identifier such as \"heatResidual\".");
  }

  public static Problem duplicateName(String name) {
    return problem(DiagnosticId.DUPLICATE_NAME, "Two annotated methods would generate the same method " + name + ".",
        "Rename one of them, or set name = \"...\" on @LinearPDE.");
  }

  public static Problem badOption(String option, String value, String expected) {
    return problem(DiagnosticId.BAD_OPTION, "The processor option -A" + option + "=" + value + " is not valid.",
        "Use one of " + expected + ".");
  }

  public static Problem vectorModule() {
    return problem(DiagnosticId.VECTOR_MODULE, "-Acollapsar.vector=true asks for layer sweeps on jdk.incubator.vector, "
        + "but that module is not visible to this compilation; the sweeps are generated without it.",
        "Compile with --add-modules jdk.incubator.vector (and run with the same flag), or drop the option.");
  }

  public static Problem badSamples(int samples, int max) {
    return problem(DiagnosticId.UNSUPPORTED_ESTIMATOR, "samples = " + samples + " is not a valid number of random directions; "
        + "it must be between 1 and " + max + " (0 generates no estimator; RUN_TIME leaves the number to the caller).",
        "Use samples = 1 to " + max + ", or samples = RUN_TIME to choose the number at each call; for more, average "
        + "several estimates.");
  }

  public static Problem environment(String detail) {
    return problem(DiagnosticId.ENVIRONMENT, "The Collapsar processor cannot read method bodies in this compiler environment: "
        + detail + ".", "Run javac with the processor on -processorpath (Maven annotationProcessorPaths, Gradle annotationProcessor); "
        + "IDE builds that wrap the compiler may need delegation to Maven or Gradle.");
  }

  // ---- method bodies

  public static Problem unsupportedCall(String call, String hint) {
    return problem(DiagnosticId.UNSUPPORTED_CALL, "The call " + call + " cannot be differentiated.", hint);
  }

  /** An expression outside the subset, with the rewrite that stays inside it. */
  public static Problem unsupportedExpression(String what, String rewrite) {
    return problem(DiagnosticId.UNSUPPORTED_EXPRESSION, "This expression is not supported: " + what + ".", rewrite);
  }

  /** A statement outside the subset, with the rewrite that stays inside it. */
  public static Problem unsupportedStatement(String what, String rewrite) {
    return problem(DiagnosticId.UNSUPPORTED_STATEMENT, "This statement is not supported: " + what + ".", rewrite);
  }

  public static Problem writeThroughAlias(String local, String parameter) {
    String source = parameter.equals("a parameter") ? "an array passed in as a parameter" : "the parameter array " + parameter;
    String copy = parameter.equals("a parameter") ? "" : " For example: double[] " + local + " = new double["
        + parameter + ".length]; for (int i = 0; i < " + parameter + ".length; i++) { " + local + "[i] = " + parameter
        + "[i]; }";
    return problem(DiagnosticId.UNSUPPORTED_STATEMENT, "This statement writes to an element of " + local
        + ", which may refer to " + source + ": in Java the write would change the caller's array, and a generated "
        + "operator never writes into its arguments.",
        "Copy the values into a new local array first and write to the copy." + copy);
  }

  public static Problem unsupportedType(String type, String where) {
    return problem(DiagnosticId.UNSUPPORTED_TYPE, "The type " + type + " of " + where + " is not supported.",
        "Use double, int or boolean locals.");
  }

  public static Problem unknownName(String name) {
    return problem(DiagnosticId.UNKNOWN_NAME, "The name " + name + " is not a parameter, a local variable or a static final constant.",
        "Pass it in as a parameter, or make it a static final constant; fields that change at run time cannot be read.");
  }

  public static Problem loopBound() {
    return problem(DiagnosticId.LOOP_BOUND, "This for loop has no condition, so it cannot end.",
        "Give it a condition such as i < n.");
  }

  public static Problem loopBecomesRuntime() {
    return problem(DiagnosticId.LOOP_BOUND, "The condition of this loop is known at compile time at first but not "
        + "in later iterations.", "Make the bound either a constant or a run-time value throughout.");
  }

  public static Problem loopConditionCall() {
    return problem(DiagnosticId.LOOP_BOUND, "The condition of this run-time loop calls a method, which cannot be "
        + "re-evaluated at every iteration.", "Compute the bound into a local before the loop.");
  }

  public static Problem tooManyIterations(int limit) {
    return problem(DiagnosticId.LOOP_BOUND, "Unrolling this loop would exceed " + limit + " iterations.",
        "Pass the bound in as an int parameter: a loop whose bound is known only at run time stays a loop instead of "
        + "being unrolled.");
  }

  public static Problem returnInLoop() {
    return problem(DiagnosticId.UNSUPPORTED_STATEMENT, "This statement is not supported: a return inside a for loop.",
        "Accumulate into a local and return after the loop.");
  }

  public static Problem recursion(String method) {
    return problem(DiagnosticId.RECURSION, "The call of " + method + " is recursive, and recursive methods cannot be inlined.",
        "Write the recursion as a for loop that carries its state in locals.");
  }

  public static Problem noSource(String method) {
    return problem(DiagnosticId.NO_SOURCE, "The method " + method + " has no source in this compilation, so its body cannot be differentiated.",
        "Compile it together with the annotated method, or copy it into the same class.");
  }

  public static Problem missingReturn(String method) {
    return problem(DiagnosticId.MISSING_RETURN, "Method " + method + " can end without returning a value.",
        "Return a double on every path.");
  }

  public static Problem indexOutOfRange(String array, int index, int length) {
    return problem(DiagnosticId.ARRAY_INDEX, "Index " + index + " is out of range for the coordinates " + array
        + ", whose length is dim = " + length + ".", "Use indices 0 to " + (length - 1) + ", or give the array's real length as dim.");
  }

  // ---- the processor itself

  public static Problem internalError(String method, Throwable t) {
    return problem(DiagnosticId.INTERNAL_ERROR, "The Collapsar processor failed on method " + method + " ("
        + t.getClass().getSimpleName() + ": " + t.getMessage() + where(t) + ").",
        "This is a bug in Collapsar; please report it with this method's source.");
  }

  /** The processor's innermost frames of a crash, so that a report says where it happened. */
  private static String where(Throwable t) {
    StringBuilder frames = new StringBuilder();
    int shown = 0;
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("dev.collapsar.") && shown++ < 3) {
        frames.append(shown == 1 ? " at " : " < ").append(e.getClassName().replace("dev.collapsar.processor.", ""))
            .append('.').append(e.getMethodName()).append(':').append(e.getLineNumber());
      }
    }
    return frames.toString();
  }

  /** Numeric limits the messages quote. */
  public static final class Limits {
    public static final int MAX_DIM = 4096;

    private Limits() {}
  }
}
