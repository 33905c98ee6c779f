package dev.collapsar.processor.operator;

import java.util.List;

/**
 * The jets of one derivative order K ∈ {2, 3, 4}: they share the primal and one summed top
 * coefficient S_K = Σ weight · x_K (DESIGN §3). The group contributes
 * {@code Σ weight · ∂ᴷu[v,…,v]} over its directions, plus, for K = 2, the run-time directions.
 *
 * @param order K
 * @param directions distinct directions, sparse first, no weight the constant zero
 * @param runtime run-time direction sets (only at K = 2: {@code diffusion(S)})
 */
public record JetGroup(int order, List<WeightedDirection> directions, List<RuntimeDirections> runtime) {

  public JetGroup {
    directions = List.copyOf(directions);
    runtime = List.copyOf(runtime);
    if (order < 2 || order > 4) {
      throw new IllegalArgumentException("order " + order);
    }
  }

  /** The number of jets known at compile time. */
  public int directionCount() {
    return directions.size();
  }
}
