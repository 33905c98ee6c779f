package dev.collapsar.benchmarks;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The loop shape the generated batch kernels are to have, written by hand for the collapsed
 * Laplacian of a tanh network ({@link Mlp}, D = 50), and timed beside the generated point kernel:
 * what reading the weights once for a block of B points buys before the processor is taught to
 * write it (issue 13, "points as an axis").
 *
 * <p>Layout: every unit of a layer has one row of B·(D + 2) lanes, point p's D first-order
 * coefficients at p·(D + 2) + d, its value at p·(D + 2) + D and its collapsed second-order sum at
 * p·(D + 2) + D + 1. A dense layer is linear, so value, coefficients and sum are all the same sweep
 * {@code z[k] += w·h[k]} over the whole row: four units and two inputs jammed, as the point kernel
 * does for its 50 lanes, but with no scalar chains for the value and the sum beside it and no
 * two-lane tail per point. The activation then runs point by point (tanh of the value lane, the sum
 * of squares over the D lanes, the lanes scaled). Every lane adds its terms in the point kernel's
 * order, so in plain arithmetic the values are the point kernel's, bit for bit ({@code fma}: to
 * rounding).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.BatchLayoutProbe [points] [rounds] [blocks] [fma]
 * }</pre>
 *
 * <p>{@code points}: N per call (default 64); {@code blocks}: the block sizes B to try, comma
 * separated (default 1,4,8,16). Each round times the generated {@code mlpLaplacian} point by point
 * and then this layout block by block over the same N points, and prints ms per datum for both and
 * their largest relative difference.
 */
public final class BatchLayoutProbe {
  private final Mlp mlp;
  private final int dimension;
  private final int points;
  private final int width;
  private final boolean fma;
  /** Per layer, one row per unit. */
  private final double[][][] rows;
  /** The block's coordinates, transposed: [coordinate][point]. */
  private final double[][] coordinates;
  private final double[] sums;

  /**
   * @param points B, the points per block
   * @param fma whether the sweep multiplies and adds with {@code Math.fma}
   */
  BatchLayoutProbe(Mlp mlp, int dimension, int points, boolean fma) {
    for (int l = 1; l < mlp.b().length; l++) {
      if (mlp.b()[l].length % 4 != 0 || mlp.b()[l - 1].length % 2 != 0) {
        throw new IllegalArgumentException("hidden widths must be multiples of 4");
      }
    }
    this.mlp = mlp;
    this.dimension = dimension;
    this.points = points;
    this.width = dimension + 2;
    this.fma = fma;
    rows = new double[mlp.b().length][][];
    for (int l = 0; l < rows.length; l++) {
      rows[l] = new double[mlp.b()[l].length][points * width];
    }
    coordinates = new double[dimension][points];
    sums = new double[points];
  }

  /** The Laplacian at points {@code from} … {@code from + B − 1} of {@code xs}, into {@code out}. */
  void block(double[][] xs, int from, double[] out) {
    for (int p = 0; p < points; p++) {
      for (int a = 0; a < dimension; a++) {
        coordinates[a][p] = xs[from + p][a];
      }
    }
    double[][] h = firstLayer();
    for (int l = 1; l < mlp.b().length; l++) {
      h = hiddenLayer(l, h);
    }
    double[] v = mlp.v();
    for (int p = 0; p < points; p++) {
      double sum = 0.0;
      int lane = p * width + dimension + 1;
      for (int i = 0; i < h.length; i++) {
        sum = sum + v[i] * h[i][lane];
      }
      out[from + p] = sum;
    }
  }

  /** 50 → n: the seeds are one-hot, so unit i's coefficients are its weights times tanh′. */
  private double[][] firstLayer() {
    double[][] h = rows[0];
    for (int i = 0; i < h.length; i++) {
      double[] weights = mlp.w()[0][i];
      java.util.Arrays.fill(sums, mlp.b()[0][i]);
      for (int j = 0; j < dimension; j++) {
        double wij = weights[j];
        double[] xj = coordinates[j];
        for (int p = 0; p < points; p++) {
          sums[p] = sums[p] + xj[p] * wij;
        }
      }
      double[] row = h[i];
      for (int p = 0; p < points; p++) {
        int base = p * width;
        double t = Math.tanh(sums[p]);
        double t1 = 1.0 - t * t;
        double t2 = t * t1;
        double curvature = -(t2 + t2);
        double squares = 0.0;
        for (int d = 0; d < dimension; d++) {
          squares += weights[d] * (weights[d] * curvature);
        }
        for (int d = 0; d < dimension; d++) {
          row[base + d] = weights[d] * t1;
        }
        row[base + dimension] = t;
        row[base + dimension + 1] = squares;
      }
    }
    return h;
  }

  private double[][] hiddenLayer(int l, double[][] h) {
    double[][] z = rows[l];
    double[][] w = mlp.w()[l];
    double[] b = mlp.b()[l];
    int lanes = points * width;
    for (int i = 0; i < z.length; i += 4) {
      double[] z0 = z[i];
      double[] z1 = z[i + 1];
      double[] z2 = z[i + 2];
      double[] z3 = z[i + 3];
      for (int u = 0; u < 4; u++) {
        java.util.Arrays.fill(z[i + u], 0.0);
        for (int p = 0; p < points; p++) {
          z[i + u][p * width + dimension] = b[i + u];
        }
      }
      double[] w0 = w[i];
      double[] w1 = w[i + 1];
      double[] w2 = w[i + 2];
      double[] w3 = w[i + 3];
      for (int j = 0; j < h.length; j += 2) {
        int k = j + 1;
        if (fma) {
          sweepFma(z0, z1, z2, z3, h[j], h[k], w0[j], w0[k], w1[j], w1[k], w2[j], w2[k], w3[j], w3[k], lanes);
        } else {
          sweep(z0, z1, z2, z3, h[j], h[k], w0[j], w0[k], w1[j], w1[k], w2[j], w2[k], w3[j], w3[k], lanes);
        }
      }
      for (int u = 0; u < 4; u++) {
        activate(z[i + u]);
      }
    }
    return z;
  }

  /** tanh, point by point: value, coefficients scaled by tanh′, sum tanh″·Σ z_d² + tanh′·sum. */
  private void activate(double[] row) {
    for (int p = 0; p < points; p++) {
      int base = p * width;
      double t = Math.tanh(row[base + dimension]);
      double t1 = 1.0 - t * t;
      double t2 = t * t1;
      double curvature = -(t2 + t2);
      double squares = 0.0;
      for (int d = 0; d < dimension; d++) {
        squares = squares + row[base + d] * (row[base + d] * curvature);
      }
      for (int d = 0; d < dimension; d++) {
        row[base + d] = row[base + d] * t1;
      }
      row[base + dimension + 1] = squares + row[base + dimension + 1] * t1;
      row[base + dimension] = t;
    }
  }

  private static void sweep(double[] z0, double[] z1, double[] z2, double[] z3, double[] h0, double[] h1,
      double a0, double a1, double b0, double b1, double c0, double c1, double d0, double d1, int lanes) {
    for (int k = 0; k < lanes; k++) {
      double v = h0[k];
      double u = h1[k];
      z0[k] = z0[k] + a0 * v + a1 * u;
      z1[k] = z1[k] + b0 * v + b1 * u;
      z2[k] = z2[k] + c0 * v + c1 * u;
      z3[k] = z3[k] + d0 * v + d1 * u;
    }
  }

  private static void sweepFma(double[] z0, double[] z1, double[] z2, double[] z3, double[] h0, double[] h1,
      double a0, double a1, double b0, double b1, double c0, double c1, double d0, double d1, int lanes) {
    for (int k = 0; k < lanes; k++) {
      double v = h0[k];
      double u = h1[k];
      z0[k] = Math.fma(a1, u, Math.fma(a0, v, z0[k]));
      z1[k] = Math.fma(b1, u, Math.fma(b0, v, z1[k]));
      z2[k] = Math.fma(c1, u, Math.fma(c0, v, z2[k]));
      z3[k] = Math.fma(d1, u, Math.fma(d0, v, z3[k]));
    }
  }

  /** Arguments: points per call (64), rounds (10), block sizes (1,4,8,16), {@code fma} or not. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String blocks = args.length > 2 ? args[2] : "1,4,8,16";
    boolean fma = args.length > 3 && args[3].equals("fma");
    SplittableRandom random = new SplittableRandom(20261203);
    int dimension = MlpLaplacians.DIM;
    Mlp mlp = Mlp.draw(random, dimension, Mlp.REFERENCE_WIDTHS);
    double[][] xs = Mlp.points(random, n, dimension);
    double[] expected = new double[n];
    double[] out = new double[n];
    System.out.println("B   round  point ms/datum  batch ms/datum  point/batch  max rel. difference");
    for (String size : blocks.split(",")) {
      int b = Integer.parseInt(size);
      if (n % b != 0) {
        throw new IllegalArgumentException(n + " points are not whole blocks of " + b);
      }
      BatchLayoutProbe probe = new BatchLayoutProbe(mlp, dimension, b, fma);
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        for (int p = 0; p < n; p++) {
          expected[p] = MlpLaplaciansOperators.mlpLaplacian(xs[p], mlp.w(), mlp.b(), mlp.v());
        }
        long middle = System.nanoTime();
        for (int p = 0; p < n; p += b) {
          probe.block(xs, p, out);
        }
        long end = System.nanoTime();
        double point = (middle - start) / 1e6 / n;
        double batch = (end - middle) / 1e6 / n;
        System.out.println(String.format(Locale.ROOT, "%-3d %5d  %14.3f  %14.3f  %11.2f  %.2e", b, round, point,
            batch, point / batch, maxRelativeDifference(expected, out)));
      }
    }
  }

  static double maxRelativeDifference(double[] expected, double[] actual) {
    double max = 0;
    for (int p = 0; p < expected.length; p++) {
      max = Math.max(max, Math.abs(actual[p] - expected[p]) / Math.max(Math.abs(expected[p]), Double.MIN_NORMAL));
    }
    return max;
  }
}
