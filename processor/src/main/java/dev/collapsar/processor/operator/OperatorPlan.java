package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Coordinate;
import java.util.List;
import java.util.Optional;

/**
 * What the Taylor stage computes for an operator (DESIGN §3–4). With u the function at the point,
 * <pre>
 * L u = zeroOrder · u
 *     + Σ_{firstOrder} weight · ∂u/∂x_coordinate
 *     + Σ_{drifts} weight · Σ_r b[r] · ∂u/∂x_{rowCoordinates[r]}
 *     + Σ_{groups} Σ_{directions} weight · ∂ᴷu[v, …, v]          (K = the group's order)
 *     + Σ_{runtime} weight · Σ_{columns s of S} ∂²u[s]            (in the order-2 group)
 * </pre>
 * exactly (up to the rounding of eigen directions, when that plan is chosen).
 *
 * <p>How to compute it, once, sharing the primal: each group is one collapsed jet of order K over its
 * directions, keeping x₀ once, x₁..x_{K−1} per direction and one summed top coefficient
 * S_K = Σ weight·x_K. First-order terms and drifts cost no jet: f_K contains ∇u·x_K, so they are the
 * seed of S_K at the inputs (S_K(x_c) = Σ weight over first-order terms of coordinate c, plus
 * weight·b[r] for the drifts) in one group, the {@link #firstOrderCarrier()}. When there is no group,
 * that is a plain forward pass of order 1 without directions (x₀ and S₁). The zero-order term is
 * added at the end.
 *
 * @param coordinates the coordinates; directions and terms refer to positions in this list
 * @param spaceCoordinates the coordinates of laplacian, biharmonic, diffusion and drift
 * @param zeroOrder the coefficient of u, the constant zero if none
 * @param firstOrder one term per coordinate differentiated once, in first-appearance order
 * @param drifts the {@code drift(b)} terms
 * @param groups one per order K ∈ {2, 3, 4} that occurs, ascending
 */
public record OperatorPlan(List<Coordinate> coordinates, List<Integer> spaceCoordinates, Coefficient zeroOrder,
    List<FirstOrderTerm> firstOrder, List<DriftTerm> drifts, List<JetGroup> groups) {

  public OperatorPlan {
    coordinates = List.copyOf(coordinates);
    spaceCoordinates = List.copyOf(spaceCoordinates);
    firstOrder = List.copyOf(firstOrder);
    drifts = List.copyOf(drifts);
    groups = List.copyOf(groups);
  }

  /** The group of order K, if the operator has one. */
  public Optional<JetGroup> group(int order) {
    return groups.stream().filter(g -> g.order() == order).findFirst();
  }

  /** Whether any first-order term or drift needs a seed. */
  public boolean hasFirstOrder() {
    return !firstOrder.isEmpty() || !drifts.isEmpty();
  }

  /**
   * The order of the group whose summed coefficient carries the first-order seed: the lowest group
   * (any group would do at the same cost, since S_K is propagated through every node anyway; the
   * lowest is chosen so that the choice is fixed), or 1 when there is no group (a plain forward pass);
   * 0 when there is nothing to seed.
   */
  public int firstOrderCarrier() {
    if (!hasFirstOrder()) {
      return 0;
    }
    return groups.isEmpty() ? 1 : groups.get(0).order();
  }

  /** The highest derivative order: of the last group, else 1 with first-order terms, else 0. */
  public int order() {
    return groups.isEmpty() ? (hasFirstOrder() ? 1 : 0) : groups.get(groups.size() - 1).order();
  }

  /** The number of jets known at compile time, over all groups. */
  public int staticDirectionCount() {
    return groups.stream().mapToInt(JetGroup::directionCount).sum();
  }
}
