package dev.collapsar.benchmarks;

import dev.collapsar.Laplacian;

/**
 * A physics-informed network's Laplacian: the tanh network of {@link Mlp} on three coordinates,
 * 3 → 64 → 64 → 64 → 1, the size of a PINN for a PDE in space. Three directions are unrolled, so
 * its batch variant runs blocks of points through a batch kernel ({@link PinnBatchBenchmark}).
 */
final class PinnLaplacians {
  /** The input dimension. */
  static final int DIM = 3;
  /** The hidden widths. */
  static final int[] WIDTHS = {64, 64, 64};

  private PinnLaplacians() {}

  @Laplacian(wrt = "x", dim = DIM)
  static double pinn(double[] x, double[][][] w, double[][] b, double[] v) {
    return Mlp.value(x, w, b, v);
  }
}
