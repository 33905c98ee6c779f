package dev.collapsar.processor.operator;

import java.util.List;

/**
 * A randomized estimator of an operator (DESIGN §4.4): the parts that have an unbiased estimator of
 * the form Σₛ ∂ᴷu[A·vₛ] with E[v vᵀ] = I use S random directions vₛ; everything of lower order is
 * computed exactly by {@link #exact()}.
 *
 * @param exact the plan of the exactly computed terms (zero and first order, drifts)
 * @param families the randomized parts; all share the same random vectors vₛ
 * @param rowLength the length of each vₛ: a compile-time count, or −1 when it is the column count of
 *     the {@code diffusion} matrix (known at run time)
 */
public record EstimatorPlan(OperatorPlan exact, List<Family> families, int rowLength) {

  public EstimatorPlan {
    families = List.copyOf(families);
  }

  /** What a family's direction A·vₛ is. */
  public enum Kind {
    /** A = identity over the space coordinates ({@code laplacian}, {@code biharmonic}). */
    IDENTITY,
    /** A = L with C = ±L Lᵀ, a constant semi-definite second-order part factored at compile time. */
    FACTOR,
    /** A = S, the {@code diffusion} matrix, at run time. */
    DIFFUSION
  }

  /**
   * One randomized part: it contributes {@code weight · (1/S) Σₛ ∂ᴷu[A·vₛ]}, where the weight
   * already contains 1/3 for the biharmonic (Isserlis: E[∂⁴u[v]] = 3Δ²u for Gaussian v).
   *
   * @param order K
   * @param kind what A is
   * @param weight the coefficient (without 1/S)
   * @param rows the coordinates A's rows belong to
   * @param factor for {@link Kind#FACTOR}: A[row][k], rows × rank
   * @param matrix for {@link Kind#DIFFUSION}: the matrix parameter
   */
  public record Family(int order, Kind kind, Coefficient weight, List<Integer> rows, double[][] factor, String matrix) {
    public Family {
      rows = List.copyOf(rows);
    }
  }
}
