package dev.collapsar.processor.operator;

/** The types of method parameter the operator language distinguishes. */
public enum ParameterKind {
  DOUBLE,
  INT,
  LONG,
  DOUBLE_ARRAY,
  DOUBLE_MATRIX,
  OTHER;

  /** Whether a coefficient may name a parameter of this kind (its value is a number). */
  public boolean isNumber() {
    return this == DOUBLE || this == INT || this == LONG;
  }

  /** Whether a parameter of this kind can be a coordinate, or hold coordinates. */
  public boolean isDifferentiable() {
    return this == DOUBLE || this == DOUBLE_ARRAY;
  }

  /** How messages name the kind: {@code double[][]}. */
  public String javaName() {
    return switch (this) {
      case DOUBLE -> "double";
      case INT -> "int";
      case LONG -> "long";
      case DOUBLE_ARRAY -> "double[]";
      case DOUBLE_MATRIX -> "double[][]";
      case OTHER -> "non-numeric";
    };
  }
}
