package dev.collapsar.processor.ir;

/** The value types of the supported Java subset. */
public enum Type {
  DOUBLE("double"),
  INT("int"),
  BOOLEAN("boolean"),
  DOUBLE_ARRAY("double[]"),
  DOUBLE_MATRIX("double[][]"),
  DOUBLE_TENSOR("double[][][]"),
  /**
   * A double per direction of a jet: the value of an expression at every lane d of a lane axis
   * ({@link Special#LANE}). Only the Taylor stage's output and the optimizer's input hold such values;
   * the optimizer writes them as loops over the directions ({@code DirectionLoops}) before anything
   * is printed.
   */
  LANES("double");

  private final String java;

  Type(String java) {
    this.java = java;
  }

  /** The Java spelling, e.g. {@code double[]}. */
  public String java() {
    if (this == LANES) {
      throw new IllegalStateException("a lane value reached the printer: the direction loops were not written");
    }
    return java;
  }

  /** A double, or a double per lane: what arithmetic on derivative coefficients yields. */
  public boolean isReal() {
    return this == DOUBLE || this == LANES;
  }

  /** Whether a value of this type is a number (an operator's coefficient may name it). */
  public boolean isNumber() {
    return this == DOUBLE || this == INT;
  }

  /** Whether a parameter of this type can be a coordinate, or hold coordinates. */
  public boolean isDifferentiable() {
    return this == DOUBLE || this == DOUBLE_ARRAY;
  }

  public boolean isArray() {
    return this == DOUBLE_ARRAY || this == DOUBLE_MATRIX || this == DOUBLE_TENSOR;
  }
}
