package dev.collapsar.samples;

import dev.collapsar.Laplacian;
import dev.collapsar.LaplacianResult;

/**
 * The hydrogen-like ground state ψ(r) = exp(−|r|) in 3D. Variational Monte Carlo needs its local
 * kinetic energy −½Δψ/ψ, which in closed form is −½(1 − 2/|r|).
 */
public final class Hydrogen {
  private Hydrogen() {}

  @Laplacian(dim = 3)
  static double psi(double[] r) {
    double r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
    return Math.exp(-Math.sqrt(r2));
  }

  /** −½Δψ/ψ from one generated pass (value and Laplacian together). */
  public static double localKineticEnergy(double[] r) {
    LaplacianResult psi = HydrogenOperators.psiEvaluate(r);
    return -0.5 * psi.laplacian() / psi.value();
  }

  /** The closed form −½(1 − 2/|r|). */
  public static double exactLocalKineticEnergy(double[] r) {
    double norm = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    return -0.5 * (1 - 2 / norm);
  }
}
