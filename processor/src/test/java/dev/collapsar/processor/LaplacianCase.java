package dev.collapsar.processor;

import dev.collapsar.testing.Oracle;

/**
 * One differentiated function of the behavioural suite: its Java body for the processor, the same
 * function written against Hipparchus {@code DerivativeStructure} for the oracle, and the box its
 * random points are drawn from.
 *
 * @param name the method name in the generated test class
 * @param declaration the method's parameters and annotation attributes, e.g. {@code (double x, double y)}
 * @param body the method body
 * @param dimension the number of differentiated coordinates
 * @param oracle the same function on derivative structures
 * @param lo lower bound of every coordinate
 * @param hi upper bound of every coordinate
 */
record LaplacianCase(
    String name, String annotation, String declaration, String body, int dimension,
    Oracle.DsFunction oracle, double lo, double hi) {

  /** The method's source, annotated with {@code @Laplacian(<annotation>)} and the given mode. */
  String source(String mode) {
    String attributes = annotation.isEmpty() ? "mode = Mode." + mode : annotation + ", mode = Mode." + mode;
    return "  @Laplacian(" + attributes + ")\n  static double " + name + declaration + " {\n    " + body + "\n  }\n";
  }

  boolean arrayArgument() {
    return declaration.startsWith("(double[]");
  }

  @Override
  public String toString() {
    return name;
  }
}
