package dev.collapsar.samples;

import dev.collapsar.Laplacian;

/**
 * A 2D Poisson problem with a manufactured solution: u(x, y) = sin(πx)·sin(πy)·exp(x·y) solves
 * Δu = f with the right-hand side {@link #rhs} derived by hand. The generated
 * {@code PoissonOperators.uLaplacian} must reproduce f to rounding.
 */
public final class Poisson {
  private Poisson() {}

  @Laplacian
  static double u(double x, double y) {
    return Math.sin(Math.PI * x) * Math.sin(Math.PI * y) * Math.exp(x * y);
  }

  /** f = Δu, by hand: with s = sin πx sin πy, e = exp(xy). */
  static double rhs(double x, double y) {
    double pi = Math.PI;
    double sx = Math.sin(pi * x);
    double cx = Math.cos(pi * x);
    double sy = Math.sin(pi * y);
    double cy = Math.cos(pi * y);
    double e = Math.exp(x * y);
    // ∂²/∂x² (sx·e) · sy = (−π² sx + 2π cx·y + sx·y²)·e·sy, and symmetrically in y.
    double uxx = (-pi * pi * sx + 2 * pi * cx * y + sx * y * y) * sy * e;
    double uyy = (-pi * pi * sy + 2 * pi * cy * x + sy * x * x) * sx * e;
    return uxx + uyy;
  }

  /** The residual Δu − f; zero to rounding at every point. */
  public static double residual(double x, double y) {
    return PoissonOperators.uLaplacian(x, y) - rhs(x, y);
  }
}
