package dev.collapsar.benchmarks;

import dev.collapsar.LinearPDE;
import dev.collapsar.Mode;

/**
 * The biharmonic of the reference network at D = 5 with the reference plan of DESIGN §4.3
 * (1.5D² − 0.5D four-jets along 4eₐ, 3eₐ + eᵦ, 2eₐ + 2eᵦ), for comparison with the default D² plan of
 * {@link MlpBiharmonics}. The plan is a compiler option, not an annotation attribute, so this class
 * is compiled on its own with {@code -Acollapsar.plan.biharmonic=REFERENCE} (the
 * {@code reference-plan} execution in pom.xml, before the default compilation, which uses the
 * generated class), together with {@link Mlp} whose body it inlines.
 */
final class MlpReferencePlan {
  private MlpReferencePlan() {}

  @LinearPDE(value = "biharmonic", name = "biharmonic", wrt = "x", dim = Mlp.BIHARMONIC_DIM)
  static double mlp(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonicStandard", wrt = "x", dim = Mlp.BIHARMONIC_DIM,
      mode = Mode.STANDARD)
  static double mlpStandard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }
}
