package dev.collapsar.processor.fuzz;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Which points a differential comparison can judge.
 *
 * <ul>
 *   <li>{@link #hasReference}: the user's own method must return a finite value that the oracle
 *       reproduces. Otherwise there is no reference: the primal overflowed, or the oracle's arithmetic
 *       took another branch than Java's. (A non-finite primal used to pass, because
 *       {@code |∞ − v| ≤ 1e-8·(1 + ∞)} holds for every finite v.)
 *   <li>{@link #wellConditioned}: a disagreement only counts where the oracle itself is stable. The
 *       oracle is evaluated again at two points moved by a relative 1e-12 in every coordinate; if its
 *       results move by more than the tolerance, rounding (amplified by the same condition number in
 *       the generated code, at 1e-16) can explain the disagreement, and the point is ill-conditioned.
 *       A wrong rule is off by O(1) at a stable point, where such a move changes the oracle by about
 *       1e-12 × the gradient.
 *   <li>{@link #oracleHolds}: where the disagreement survives that, the oracle is evaluated a second
 *       way, in 40-digit arithmetic ({@link PreciseOracle}); if the double oracle is off by more than
 *       the tolerance, its own arithmetic cancelled (its partials can cancel to exactly zero where the
 *       true values are huge, and such a result need not move under a small perturbation), and the
 *       point cannot be judged in double precision.
 * </ul>
 *
 * <p>Neither check relies on the oracle's own partials as a scale.
 */
final class PointFilters {
  static final double RELATIVE_MOVE = 1e-12;

  private PointFilters() {}

  static boolean hasReference(double primal, double oracleValue) {
    return Double.isFinite(primal) && Double.isFinite(oracleValue)
        && Math.abs(primal - oracleValue) <= 1e-8 * (1 + Math.abs(primal));
  }

  /** Whether the double oracle's values are within {@code tolerance} of the 40-digit ones. */
  static boolean oracleHolds(double[] oracle, double[] precise, double tolerance) {
    for (int k = 0; k < oracle.length; k++) {
      if (!(Math.abs(oracle[k] - precise[k]) <= tolerance)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the quantities {@code expected} computes stay within {@code tolerance} of their values at
   * {@code point} when the point moves by a relative {@link #RELATIVE_MOVE} (two seeded moves).
   */
  static boolean wellConditioned(Function<double[], double[]> expected, double[] point, double tolerance,
      long seed) {
    double[] at = expected.apply(point);
    SplittableRandom random = new SplittableRandom(seed);
    for (int move = 0; move < 2; move++) {
      double[] moved = point.clone();
      for (int i = 0; i < moved.length; i++) {
        double step = RELATIVE_MOVE * Math.max(Math.abs(moved[i]), 1e-3);
        moved[i] += random.nextBoolean() ? step : -step;
      }
      double[] there = expected.apply(moved);
      for (int k = 0; k < at.length; k++) {
        if (!(Math.abs(there[k] - at[k]) <= tolerance)) {
          return false;
        }
      }
    }
    return true;
  }
}
