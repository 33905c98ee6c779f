package dev.collapsar.processor.taylor;

/**
 * The points of a batch kernel as a lane axis: the kernel computes every value for a block of
 * {@code width} points at once, lane p holding point p. The coordinates come in as the rows of the
 * {@code double[][]} parameter {@code matrix}, one row per coordinate and one column per point (the
 * caller transposes a block of points into it), and the operator goes out into lane p of the
 * {@code double[]} parameter {@code out}. Values that do not depend on the point (weights, loop
 * counters) stay scalars, read once for the whole block: a dense layer's weight serves every point's
 * lanes. Only the directions' jets unrolled: a program whose jets are on a lane axis of directions
 * keeps the point-by-point batch.
 *
 * @param width points per block
 * @param matrix the parameter holding the block's coordinates, {@code matrix[coordinate][point]}
 * @param out the parameter receiving the operator, {@code out[point]}
 */
public record PointAxis(int width, String matrix, String out) {
  /**
   * The most numbers a value's jet may carry (value, coefficients, sums) for a batch kernel to pay:
   * each is an array of the block's points, updated in memory where the point kernel keeps it in a
   * register. Measured against the point method (tanh networks 3 → W → W → W → 1, W = 64 and 256,
   * collapsed Laplacians of D coordinates carry D + 2, standard ones 2D + 1; one JVM each, JDK 17):
   * 4 numbers 1.21×, 5 1.49–1.52×, 6 1.16×, 7 1.26–1.41×, 8 0.96×, 12 1.01–1.08×; the reference
   * network's biharmonic estimator along 4 directions (14 numbers, order 4) 0.4–0.8×.
   */
  public static final int MAX_COMPONENTS = 7;

  public PointAxis {
    if (width < 1) {
      throw new IllegalArgumentException("width " + width);
    }
  }
}
