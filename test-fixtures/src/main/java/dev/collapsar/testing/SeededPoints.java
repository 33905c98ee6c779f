package dev.collapsar.testing;

import java.util.SplittableRandom;

/**
 * Reproducible random sample points. A seed written in the test makes a failure repeatable and the
 * failing point printable; {@link SplittableRandom}'s sequence for a seed is specified, so the points
 * are the same on every JDK.
 */
public final class SeededPoints {
  private SeededPoints() {}

  /**
   * {@code count} points of {@code dim} coordinates, each uniform in [lo, hi). The same arguments
   * always give the same points.
   */
  public static double[][] uniform(long seed, int count, int dim, double lo, double hi) {
    if (count < 0 || dim < 1) {
      throw new IllegalArgumentException("need count >= 0 and dim >= 1, got " + count + " and " + dim);
    }
    if (!(lo < hi)) {
      throw new IllegalArgumentException("need lo < hi, got [" + lo + ", " + hi + ")");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] points = new double[count][dim];
    for (double[] point : points) {
      for (int i = 0; i < dim; i++) {
        // lo + u (hi - lo) can round up to hi; keep the interval half-open as documented
        point[i] = Math.min(lo + random.nextDouble() * (hi - lo), Math.nextDown(hi));
      }
    }
    return points;
  }

  /** {@code count} vectors of {@code dim} standard Gaussian components, drawn from {@code random}. */
  public static double[][] gaussian(SplittableRandom random, int count, int dim) {
    double[][] vectors = new double[count][dim];
    for (double[] vector : vectors) {
      for (int i = 0; i < dim; i++) {
        vector[i] = random.nextGaussian();
      }
    }
    return vectors;
  }

  /** Coordinate {@code j} of every point: the {@code double[]} a batch variant takes for a scalar coordinate. */
  public static double[] column(double[][] points, int j) {
    double[] c = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      c[i] = points[i][j];
    }
    return c;
  }
}
