package dev.collapsar.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * An operator in the two forms the Hipparchus baselines evaluate, either or both of which a workload
 * has: a sum of partial derivatives (one {@code DerivativeStructure} evaluation of D parameters) and a
 * weighted sum of directional derivatives of one order (one univariate pass per direction).
 *
 * @param order the derivative order of the partials and the directional derivatives
 * @param partials multi-indices of the partial derivatives summed, repeats allowed; empty if none
 * @param directions the directions vᵣ; empty if the operator is not given along directions
 * @param weight the factor of Σᵣ ∂ᵏu[vᵣ]
 */
public record Derivatives(int order, List<int[]> partials, double[][] directions, double weight) {

  /** Δu = Σᵢ ∂²u/∂xᵢ², also Σᵢ ∂²u[eᵢ] along the basis directions. */
  public static Derivatives laplacian(int dimension) {
    List<int[]> partials = new ArrayList<>();
    double[][] basis = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      int[] orders = new int[dimension];
      orders[i] = 2;
      partials.add(orders);
      basis[i][i] = 1;
    }
    return new Derivatives(2, partials, basis, 1);
  }

  /** Δ²u = Σₐ Σᵦ ∂⁴u/∂xₐ²∂xᵦ² (each a ≠ b twice); not a sum along directions without a plan. */
  public static Derivatives biharmonic(int dimension) {
    List<int[]> partials = new ArrayList<>();
    for (int a = 0; a < dimension; a++) {
      for (int b = 0; b < dimension; b++) {
        int[] orders = new int[dimension];
        orders[a] += 2;
        orders[b] += 2;
        partials.add(orders);
      }
    }
    return new Derivatives(4, partials, new double[0][], 1);
  }

  /** weight · Σᵣ ∂ᵏu[vᵣ] along the given directions (an estimator's, with its scale), k = {@code order}. */
  public static Derivatives along(int order, double[][] directions, double weight) {
    return new Derivatives(order, List.of(), directions, weight);
  }

  /** Whether {@code DerivativeStructure} can compute the operator. */
  public boolean hasPartials() {
    return !partials.isEmpty();
  }

  /** Whether univariate passes can compute the operator. */
  public boolean hasDirections() {
    return directions.length > 0;
  }
}
