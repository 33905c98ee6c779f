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
  public PointAxis {
    if (width < 1) {
      throw new IllegalArgumentException("width " + width);
    }
  }
}
