package dev.collapsar.benchmarks;

import dev.collapsar.Laplacian;
import dev.collapsar.LinearPDE;
import dev.collapsar.Mode;

/**
 * The Laplacian of the reference network at D = 50 (DESIGN §5), both modes, exact and randomized:
 * {@code mlp} and {@code mlpStandard} generate {@code mlpLaplacian}/{@code mlpStandardLaplacian}; each
 * {@code mlp<S>} and {@code mlp<S>Standard} generates {@code mlp<S>LaplacianEstimate(params, double[][] v)}
 * with S directions (and, unused here, an exact Laplacian and a drawing estimator of its own). Every
 * method is the network of {@link Mlp}; the processor inlines the call and keeps its loops.
 *
 * <p>{@code mlpDiffusion} and {@code mlpDiffusionStandard} are the weighted Laplacian
 * Tr(S Sᵀ∇²u) ({@code diffusion(S)}) of the same network, for a 50 × R matrix S.
 */
final class MlpLaplacians {
  /** The input dimension of the Laplacian workloads. */
  static final int DIM = 50;

  private MlpLaplacians() {}

  @Laplacian(wrt = "x", dim = DIM)
  static double mlp(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, mode = Mode.STANDARD)
  static double mlpStandard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 1)
  static double mlp1(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 1, mode = Mode.STANDARD)
  static double mlp1Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 8)
  static double mlp8(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 8, mode = Mode.STANDARD)
  static double mlp8Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 16)
  static double mlp16(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 16, mode = Mode.STANDARD)
  static double mlp16Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 32)
  static double mlp32(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 32, mode = Mode.STANDARD)
  static double mlp32Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 50)
  static double mlp50(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @Laplacian(wrt = "x", dim = DIM, samples = 50, mode = Mode.STANDARD)
  static double mlp50Standard(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "diffusion(s)", wrt = "x", dim = DIM, name = "mlpDiffusion")
  static double diffusion(double[] x, double[][][] w, double[][] b, double[] v, double[][] s) {
    return Mlp.value(x, w, b, v);
  }

  @LinearPDE(value = "diffusion(s)", wrt = "x", dim = DIM, name = "mlpDiffusionStandard", mode = Mode.STANDARD)
  static double diffusionStandard(double[] x, double[][][] w, double[][] b, double[] v, double[][] s) {
    return Mlp.value(x, w, b, v);
  }
}
