package dev.collapsar.samples;

import dev.collapsar.Laplacian;
import java.util.SplittableRandom;

/**
 * A physics-informed network for the Poisson problem −Δu = f in 50 dimensions, in the shape of the
 * reference network (DESIGN §5): a tanh MLP 50 → 768 → 768 → 512 → 512 → 1 whose weights are passed
 * at run time. The generated Laplacian keeps the layer loops as loops; the residual −Δu − f is what a
 * training loop would square and average over collocation points ({@link ResidualBatch}).
 */
public final class PoissonPinn {
  /** The dimension of the reference problem. */
  public static final int DIM = 50;

  private PoissonPinn() {}

  @Laplacian(wrt = "x", dim = DIM)
  static double u(double[] x, double[][][] w, double[][] b, double[] v) {
    double[] h = new double[b[0].length];
    for (int i = 0; i < h.length; i++) {
      double s = b[0][i];
      for (int j = 0; j < x.length; j++) {
        s += w[0][i][j] * x[j];
      }
      h[i] = Math.tanh(s);
    }
    for (int l = 1; l < b.length; l++) {
      double[] z = new double[b[l].length];
      for (int i = 0; i < z.length; i++) {
        double s = b[l][i];
        for (int j = 0; j < h.length; j++) {
          s += w[l][i][j] * h[j];
        }
        z[i] = Math.tanh(s);
      }
      h = z;
    }
    double out = 0;
    for (int i = 0; i < h.length; i++) {
      out += v[i] * h[i];
    }
    return out;
  }

  /**
   * The same network for inputs of any length (no {@code dim}): the generated Laplacian reads the
   * dimension from {@code x.length} and differentiates along blocks of 32 basis directions (16 for the
   * last 16 or fewer), each pass repeating the primal. The first layer's weights must have x.length
   * columns.
   */
  @Laplacian(wrt = "x")
  static double uAnyDimension(double[] x, double[][][] w, double[][] b, double[] v) {
    return u(x, w, b, v);
  }

  /** The source term f(x) = Σᵢ sin(xᵢ) (any smooth f would do: the network is not trained here). */
  static double source(double[] x) {
    double f = 0;
    for (double xi : x) {
      f += Math.sin(xi);
    }
    return f;
  }

  /** Deterministic weights for the given hidden widths, scaled like Glorot initialization. */
  public static Network network(long seed, int... widths) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][][] w = new double[widths.length][][];
    double[][] b = new double[widths.length][];
    int fanIn = DIM;
    for (int l = 0; l < widths.length; l++) {
      w[l] = new double[widths[l]][fanIn];
      b[l] = new double[widths[l]];
      double scale = Math.sqrt(6.0 / (fanIn + widths[l]));
      for (int i = 0; i < widths[l]; i++) {
        for (int j = 0; j < fanIn; j++) {
          w[l][i][j] = random.nextDouble(-scale, scale);
        }
        b[l][i] = random.nextDouble(-0.1, 0.1);
      }
      fanIn = widths[l];
    }
    double[] v = new double[fanIn];
    for (int i = 0; i < fanIn; i++) {
      v[i] = random.nextDouble(-1, 1) / Math.sqrt(fanIn);
    }
    return new Network(w, b, v);
  }

  /** The reference network 50 → 768 → 768 → 512 → 512 → 1. */
  public static Network reference(long seed) {
    return network(seed, 768, 768, 512, 512);
  }

  /** A network's parameters, and its Poisson residual. */
  public record Network(double[][][] w, double[][] b, double[] v) {
    public double value(double[] x) {
      return u(x, w, b, v);
    }

    public double laplacian(double[] x) {
      return PoissonPinnOperators.uLaplacian(x, w, b, v);
    }

    /** Δu(x) from the operator generated without {@code dim} (the dimension read at run time). */
    public double laplacianAnyDimension(double[] x) {
      return PoissonPinnOperators.uAnyDimensionLaplacian(x, w, b, v);
    }

    /** −Δu(x) − f(x). */
    public double residual(double[] x) {
      return -laplacian(x) - source(x);
    }
  }
}
