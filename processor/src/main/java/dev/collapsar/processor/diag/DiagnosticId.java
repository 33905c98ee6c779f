package dev.collapsar.processor.diag;

/**
 * The stable identifiers of every diagnostic the processor reports. The tag {@code [Collapsar/Name]}
 * starts each message; users search for it, tests pin it, {@code docs/diagnostics.md} documents it.
 * Renaming one is a breaking change.
 */
public enum DiagnosticId {
  // Annotation use.
  NOT_STATIC("NotStatic"),
  RETURN_TYPE("ReturnType"),
  PARAMETER_TYPE("ParameterType"),
  MISSING_DIM("MissingDim"),
  BAD_DIM("BadDim"),
  UNKNOWN_WRT("UnknownWrt"),
  AMBIGUOUS_WRT("AmbiguousWrt"),
  NO_WRT("NoWrt"),
  BAD_NAME("BadName"),
  DUPLICATE_NAME("DuplicateName"),
  UNSUPPORTED_ESTIMATOR("UnsupportedEstimator"),
  ENVIRONMENT("Environment"),
  BAD_OPTION("BadOption"),
  VECTOR_MODULE("VectorModule"),
  // Method bodies.
  UNSUPPORTED_CALL("UnsupportedCall"),
  UNSUPPORTED_EXPRESSION("UnsupportedExpression"),
  UNSUPPORTED_STATEMENT("UnsupportedStatement"),
  UNSUPPORTED_TYPE("UnsupportedType"),
  UNKNOWN_NAME("UnknownName"),
  LOOP_BOUND("LoopBound"),
  RECURSION("Recursion"),
  NO_SOURCE("NoSource"),
  MISSING_RETURN("MissingReturn"),
  ARRAY_INDEX("ArrayIndex"),
  // Operator text of @LinearPDE.
  OPERATOR_SYNTAX("OperatorSyntax"),
  OPERATOR_VARIABLE("OperatorVariable"),
  OPERATOR_ORDER("OperatorOrder"),
  OPERATOR_ARGUMENT("OperatorArgument"),
  OPERATOR_COEFFICIENT("OperatorCoefficient"),
  // The processor itself.
  INTERNAL_ERROR("InternalError");

  private final String name;

  DiagnosticId(String name) {
    this.name = name;
  }

  /** The short name, e.g. {@code UnsupportedCall}. */
  public String shortName() {
    return name;
  }

  /** The tag that starts every message, e.g. {@code [Collapsar/UnsupportedCall]}. */
  public String tag() {
    return "[Collapsar/" + name + "]";
  }

  /** The anchor of this id's entry in {@code docs/diagnostics.md}. */
  public String docAnchor() {
    return "docs/diagnostics.md#" + name.toLowerCase(java.util.Locale.ROOT);
  }
}
