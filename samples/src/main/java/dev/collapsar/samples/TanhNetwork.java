package dev.collapsar.samples;

import dev.collapsar.Laplacian;

/**
 * A small fixed-size tanh network 3 → 16 → 16 → 1 written with constant loops, as in a
 * physics-informed network: u(x) = w₃·tanh(W₂·tanh(W₁x + b₁) + b₂) + b₃. Weights are parameters
 * (not differentiated); the coordinates are x, y, z.
 */
public final class TanhNetwork {
  static final int WIDTH = 16;

  private TanhNetwork() {}

  @Laplacian(wrt = {"x", "y", "z"})
  static double u(double x, double y, double z, double[][] w1, double[] b1, double[][] w2, double[] b2,
      double[] w3, double b3) {
    double out = b3;
    for (int i = 0; i < WIDTH; i++) {
      double s = b2[i];
      for (int j = 0; j < WIDTH; j++) {
        double h = Math.tanh(w1[j][0] * x + w1[j][1] * y + w1[j][2] * z + b1[j]);
        s += w2[i][j] * h;
      }
      out += w3[i] * Math.tanh(s);
    }
    return out;
  }

  /** Deterministic weights: a fixed pseudo-random pattern scaled like Glorot initialization. */
  public static Weights weights(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[][] w1 = new double[WIDTH][3];
    double[] b1 = new double[WIDTH];
    double[][] w2 = new double[WIDTH][WIDTH];
    double[] b2 = new double[WIDTH];
    double[] w3 = new double[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      for (int j = 0; j < 3; j++) {
        w1[i][j] = random.nextDouble(-1, 1) * Math.sqrt(6.0 / (3 + WIDTH));
      }
      for (int j = 0; j < WIDTH; j++) {
        w2[i][j] = random.nextDouble(-1, 1) * Math.sqrt(6.0 / (2 * WIDTH));
      }
      b1[i] = random.nextDouble(-0.1, 0.1);
      b2[i] = random.nextDouble(-0.1, 0.1);
      w3[i] = random.nextDouble(-1, 1) * Math.sqrt(6.0 / (WIDTH + 1));
    }
    return new Weights(w1, b1, w2, b2, w3, 0.05);
  }

  /** The network's parameters. */
  public record Weights(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] w3, double b3) {
    public double value(double x, double y, double z) {
      return u(x, y, z, w1, b1, w2, b2, w3, b3);
    }

    public double laplacian(double x, double y, double z) {
      return TanhNetworkOperators.uLaplacian(x, y, z, w1, b1, w2, b2, w3, b3);
    }
  }
}
