package dev.collapsar.benchmarks;

import dev.collapsar.LinearPDE;
import dev.collapsar.Mode;

/**
 * The biharmonic Δ²u of the reference network at D = 5, both modes, exact ({@code biharmonic},
 * {@code biharmonicStandard}, with the default D² plan; the reference plan is compiled separately,
 * see {@code src/reference-plan/java}) and randomized ({@code biharmonic<S>Estimate(params,
 * double[][] v)} and its standard twin, (1/(3S))·Σₛ ∂⁴u[vₛ] over S Gaussian directions).
 */
final class MlpBiharmonics {
  /** The input dimension of the fourth-order workloads. */
  static final int DIM = Mlp.BIHARMONIC_DIM;

  private MlpBiharmonics() {}

  @LinearPDE(value = "biharmonic", name = "biharmonic", wrt = "x", dim = DIM)
  static double mlp(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonicStandard", wrt = "x", dim = DIM, mode = Mode.STANDARD)
  static double mlpStandard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic1", wrt = "x", dim = DIM, samples = 1)
  static double biharmonic1(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic1Standard", wrt = "x", dim = DIM, samples = 1, mode = Mode.STANDARD)
  static double biharmonic1Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic4", wrt = "x", dim = DIM, samples = 4)
  static double biharmonic4(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic4Standard", wrt = "x", dim = DIM, samples = 4, mode = Mode.STANDARD)
  static double biharmonic4Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic8", wrt = "x", dim = DIM, samples = 8)
  static double biharmonic8(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic8Standard", wrt = "x", dim = DIM, samples = 8, mode = Mode.STANDARD)
  static double biharmonic8Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic16", wrt = "x", dim = DIM, samples = 16)
  static double biharmonic16(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic16Standard", wrt = "x", dim = DIM, samples = 16, mode = Mode.STANDARD)
  static double biharmonic16Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic32", wrt = "x", dim = DIM, samples = 32)
  static double biharmonic32(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "biharmonic", name = "biharmonic32Standard", wrt = "x", dim = DIM, samples = 32, mode = Mode.STANDARD)
  static double biharmonic32Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }
}
