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
 * @param runTimeArray a differentiated {@code double[]} parameter whose length is known only at run
 *     time: its element i is seeded with component {@code row[i]} of each direction's run-time row
 *     (one group, no first-order terms); null if none
 * @param checks argument checks the seeds need: the lengths of drift vectors and diffusion matrices
 */
public record SeedPlan(List<Group> groups, Node zeroOrder, String runTimeArray,
    List<dev.collapsar.processor.ir.Statement> checks) {

  public SeedPlan {
    groups = List.copyOf(groups);
    checks = List.copyOf(checks);
  }

  public SeedPlan(List<Group> groups, Node zeroOrder, String runTimeArray) {
    this(groups, zeroOrder, runTimeArray, List.of());
  }

  public SeedPlan(List<Group> groups, Node zeroOrder) {
    this(groups, zeroOrder, null);
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
   * @param row the direction as a run-time {@code double[]} (for a run-time-length coordinate
   *     array), or null
   */
  public record Direction(String name, Node[] components, Node weight, Node row) {
    public Direction {
      components = components.clone();
    }

    public Direction(String name, Node[] components, Node weight) {
      this(name, components, weight, null);
    }
  }
}
