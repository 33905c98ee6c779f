package dev.collapsar.samples;

import dev.collapsar.LinearPDE;

/**
 * Linear PDE operators on functions with known closed forms: each residual is zero to rounding, or
 * equals a value derived by hand.
 */
public final class Pdes {
  private Pdes() {}

  /** The heat kernel solves u_t = ½u_xx for t > 0. */
  @LinearPDE(value = "D[t] - 0.5*D[x,x]", name = "heatResidual")
  static double heatKernel(double t, double x) {
    return Math.exp(-x * x / (2 * t)) / Math.sqrt(2 * Math.PI * t);
  }

  /**
   * A power contract V = s²·exp((σ² + r)(T − t)) solves the Black–Scholes equation
   * V_t + ½σ²s²V_ss + r s V_s − r V = 0.
   */
  @LinearPDE(value = "D[t] + 0.5*sigma*sigma*s*s*D[s,s] + r*s*D[s] - r*u", name = "blackScholes",
      wrt = {"t", "s"})
  static double powerContract(double t, double s, double sigma, double r, double maturity) {
    return s * s * Math.exp((sigma * sigma + r) * (maturity - t));
  }

  /**
   * The Kolmogorov backward operator of an Ornstein–Uhlenbeck process dX = b dt + S dW,
   * L u = ½ Tr(S Sᵀ ∇²u) + b·∇u, applied to u(x) = exp(−|x|²/2) in 3D; the drift b (here −θx) and
   * the diffusion matrix S are evaluated by the caller.
   */
  @LinearPDE(value = "0.5*diffusion(S) + drift(b)", name = "ouGenerator", wrt = "x", dim = 3)
  static double gaussian(double[] x, double[][] S, double[] b) {
    double r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
    return Math.exp(-0.5 * r2);
  }

  /** A Kirchhoff plate deflection w = sin πx · sin πy has Δ²w = 4π⁴ w. */
  @LinearPDE(value = "biharmonic", name = "plateLoad")
  static double plate(double x, double y) {
    return Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
  }

  /** u = sin(x + t)·exp(0) solves the linear KdV equation u_t + u_xxx = 0. */
  @LinearPDE(value = "D[t] + D[x,x,x]", name = "kdvResidual")
  static double kdvWave(double t, double x) {
    return Math.sin(x + t);
  }
}
