package dev.collapsar.benchmarks;

import dev.collapsar.Laplacian;
import dev.collapsar.Mode;

/**
 * The dimension-sweep workload: a tanh network D → 16 → 1, u(x) = w₂·tanh(W₁x + b₁) + b₂, written
 * once ({@link #network}) and annotated once per D and mode. The loops have compile-time trip counts
 * ({@code x.length} is {@code dim} once the call is inlined), so the processor unrolls them; run-time
 * loops, and with them the reference MLP D → 768 → 768 → 512 → 512 → 1, are issue 3.
 *
 * <p>The dimensions are those of {@link NetworkWorkload#DIMENSIONS}; adding one is two methods here
 * and one line there.
 */
final class Networks {
  /** The hidden width W. */
  static final int WIDTH = 16;

  private Networks() {}

  /** The primal, shared by every annotated method below (calls are inlined by the processor). */
  static double network(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    double out = b2;
    for (int j = 0; j < WIDTH; j++) {
      double s = b1[j];
      for (int i = 0; i < x.length; i++) {
        s += w1[j][i] * x[i];
      }
      out += w2[j] * Math.tanh(s);
    }
    return out;
  }

  @Laplacian(dim = 2, wrt = "x")
  static double net2(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 2, wrt = "x", mode = Mode.STANDARD)
  static double net2Standard(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 4, wrt = "x")
  static double net4(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 4, wrt = "x", mode = Mode.STANDARD)
  static double net4Standard(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 8, wrt = "x")
  static double net8(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 8, wrt = "x", mode = Mode.STANDARD)
  static double net8Standard(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 16, wrt = "x")
  static double net16(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 16, wrt = "x", mode = Mode.STANDARD)
  static double net16Standard(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 32, wrt = "x")
  static double net32(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 32, wrt = "x", mode = Mode.STANDARD)
  static double net32Standard(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 64, wrt = "x")
  static double net64(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }

  @Laplacian(dim = 64, wrt = "x", mode = Mode.STANDARD)
  static double net64Standard(double[] x, double[][] w1, double[] b1, double[] w2, double b2) {
    return network(x, w1, b1, w2, b2);
  }
}
