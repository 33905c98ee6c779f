package dev.collapsar.processor.operator;

import java.util.List;

/**
 * The planner's cost estimate for a set of jets: each jet costs a fixed amount (the per-direction
 * work of every nonlinear primitive: {@link PlanOptions#perJetCost()}) plus the number of nonzero
 * components of its direction (sparse seeds stay structurally zero through the first linear
 * operations, DESIGN §5, so a dense seed costs more at the input). Crude by intent: it only has to
 * rank plans for the same operator, and the planner cannot see the function.
 */
final class PlanCost {
  private PlanCost() {}

  static long of(List<WeightedDirection> directions, int perJetCost) {
    return directions.stream().mapToLong(d -> perJetCost + d.direction().nonZeros()).sum();
  }
}
