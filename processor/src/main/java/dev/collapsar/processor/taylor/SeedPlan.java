package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Node;
import java.util.List;

/**
 * What to differentiate along: one {@link Group} per derivative order of the operator, and the
 * coefficient of the operator's zero-order term. The operator computed is
 * {@code zeroOrder·u + Σ_groups (Σ_d weight_d·∂ᴷu[v_d,…,v_d] + ∇u·firstOrder)}.
 *
 * @param groups the jet groups
 * @param zeroOrder the coefficient c of a term c·u (constant zero if none)
 */
public record SeedPlan(List<Group> groups, Node zeroOrder) {

  public SeedPlan {
    groups = List.copyOf(groups);
  }

  /**
   * One order K and its directions.
   *
   * @param order K
   * @param collapsed whether the K-th coefficients are kept only as their weighted sum
   * @param directions the directions with their weights
   * @param firstOrder b, one node per coordinate, with b·∇u added to this group's result at no
   *     extra jet (seeded as the top coefficient); null when there is none
   * @param sumName the name fragment of the summed top coefficient in generated locals
   */
  public record Group(int order, boolean collapsed, List<Direction> directions, Node[] firstOrder, String sumName) {
    public Group {
      directions = List.copyOf(directions);
      firstOrder = firstOrder == null ? null : firstOrder.clone();
    }
  }

  /**
   * A direction: its components per coordinate (compile-time constants, or run-time values such as
   * matrix entries) and its weight in the operator.
   *
   * @param name an identifier fragment for generated locals ({@code x}, {@code v3})
   */
  public record Direction(String name, Node[] components, Node weight) {
    public Direction {
      components = components.clone();
    }
  }
}
