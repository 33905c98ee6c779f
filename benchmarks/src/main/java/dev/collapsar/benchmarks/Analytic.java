package dev.collapsar.benchmarks;

import dev.collapsar.Laplacian;
import dev.collapsar.Mode;

/**
 * The small analytic workload: the README's example u(x, y) = exp(−r)·x with r = √(x² + y²), whose
 * Laplacian has a closed form, x·exp(−r)·(1 − 3/r), the floor any method can hope for.
 */
final class Analytic {
  private Analytic() {}

  @Laplacian
  static double u(double x, double y) {
    double r = Math.sqrt(x * x + y * y);
    return Math.exp(-r) * x;
  }

  /** The same function for the {@code STANDARD} operator: the call is inlined, so u is written once. */
  @Laplacian(mode = Mode.STANDARD)
  static double uStandard(double x, double y) {
    return u(x, y);
  }

  /**
   * The hand-derived Laplacian. For f = exp(−r) in 2D, Δf = f″ + f′/r = exp(−r)(1 − 1/r) and
   * ∂f/∂x = −exp(−r)·x/r, so Δ(x·f) = x·Δf + 2∂f/∂x = x·exp(−r)(1 − 3/r).
   */
  static double laplacian(double x, double y) {
    double r = Math.sqrt(x * x + y * y);
    return x * Math.exp(-r) * (1 - 3 / r);
  }
}
