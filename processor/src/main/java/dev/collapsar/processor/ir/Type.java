package dev.collapsar.processor.ir;

/** The value types of the supported Java subset. */
public enum Type {
  DOUBLE("double"),
  INT("int"),
  BOOLEAN("boolean"),
  DOUBLE_ARRAY("double[]"),
  DOUBLE_MATRIX("double[][]"),
  DOUBLE_TENSOR("double[][][]");

  private final String java;

  Type(String java) {
    this.java = java;
  }

  /** The Java spelling, e.g. {@code double[]}. */
  public String java() {
    return java;
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
