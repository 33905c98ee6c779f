package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link JetLayout} a {@link SeedPlan} needs. In standard mode a group's first-order terms get
 * one extra direction (its first coefficients zero, its top coefficient b, weight 1), since there is
 * no summed top coefficient to seed; in collapsed mode they cost nothing.
 */
final class Layouts {
  /** The name of the extra standard-mode direction that carries first-order terms. */
  static final String FIRST_ORDER_DIRECTION = "b";

  private Layouts() {}

  static JetLayout of(SeedPlan plan, Node one) {
    List<JetLayout.Group> groups = new ArrayList<>();
    for (SeedPlan.Group g : plan.groups()) {
      List<String> names = new ArrayList<>();
      List<Node> weights = new ArrayList<>();
      for (SeedPlan.Direction d : g.directions()) {
        names.add(d.name());
        weights.add(d.weight());
      }
      if (hasExtraDirection(g)) {
        names.add(FIRST_ORDER_DIRECTION);
        weights.add(one);
      }
      groups.add(new JetLayout.Group(g.order(), g.collapsed(), names, weights, g.sumName()));
    }
    return new JetLayout(groups);
  }

  static boolean hasExtraDirection(SeedPlan.Group g) {
    return g.firstOrder() != null && !g.collapsed();
  }
}
