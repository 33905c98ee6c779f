package dev.collapsar.benchmarks;

/**
 * The central finite-difference Laplacian, Σᵢ (u(x + h·eᵢ) − 2u(x) + u(x − h·eᵢ)) / h², with 2D + 1
 * evaluations of the primal and no allocation (one scratch copy of the point, reused).
 *
 * <p>The step: the truncation error is h²/12·Σ∂⁴u and the rounding error about 4ε|u|/h² per
 * coordinate, balanced near h = ε^¼ ≈ 1.2·10⁻⁴ for a function of unit scale. We take the power of two
 * 2⁻¹³ ≈ 1.2·10⁻⁴, so h² is exact; about half of the 16 digits remain (the accuracy table says how many).
 */
public final class CentralDifferences {
  /** The step h = 2⁻¹³. */
  public static final double STEP = 0x1p-13;

  private final Workload workload;
  private final double[] shifted;

  /** Central differences of {@code workload}'s primal; not thread-safe (one scratch array). */
  public CentralDifferences(Workload workload) {
    this.workload = workload;
    this.shifted = new double[workload.dimension()];
  }

  /** Δu(x) by the (2D + 1)-point stencil with step {@link #STEP}. */
  public double laplacian(double[] x) {
    System.arraycopy(x, 0, shifted, 0, x.length);
    double center = workload.value(x);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      shifted[i] = x[i] + STEP;
      double plus = workload.value(shifted);
      shifted[i] = x[i] - STEP;
      double minus = workload.value(shifted);
      shifted[i] = x[i];
      sum += (plus - center) + (minus - center);
    }
    return sum / (STEP * STEP);
  }
}
