package dev.collapsar.processor.ir;

/** The value types of the supported Java subset. */
public enum Type {
  DOUBLE("double"),
  INT("int"),
  BOOLEAN("boolean"),
  DOUBLE_ARRAY("double[]"),
  DOUBLE_MATRIX("double[][]"),
  DOUBLE_TENSOR("double[][][]"),
  /** {@code java.util.random.RandomGenerator}: only as the source of an estimator's directions. */
  RANDOM_GENERATOR("java.util.random.RandomGenerator");

  private final String java;

  Type(String java) {
    this.java = java;
  }

  /** The Java spelling, e.g. {@code double[]}. */
  public String java() {
    return java;
  }

  public boolean isArray() {
    return this == DOUBLE_ARRAY || this == DOUBLE_MATRIX || this == DOUBLE_TENSOR;
  }
}
