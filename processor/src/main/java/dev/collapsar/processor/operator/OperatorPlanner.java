package dev.collapsar.processor.operator;

import dev.collapsar.processor.operator.PlanOptions.MixedPlan;
import dev.collapsar.processor.operator.SecondOrderPlanner.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a resolved operator into an {@link OperatorPlan}: terms grouped by order, each order's
 * derivatives expanded into weighted directions and merged.
 * <ul>
 *   <li>order 0 and 1 are collected as they are (they cost no jet);</li>
 *   <li>order 2: {@code D[a,a]}, {@code D[a,b]} and {@code laplacian} go to {@link SecondOrderPlanner};
 *       {@code diffusion(S)} becomes run-time directions;</li>
 *   <li>orders 3 and 4: each {@code D[...]} by {@link MixedDerivatives}, {@code biharmonic} by
 *       {@link BiharmonicPlans}; with {@link MixedPlan#AUTO} the group is planned with both mixed
 *       schemes and the cheaper kept.</li>
 * </ul>
 */
public final class OperatorPlanner {
  private final ResolvedOperator operator;
  private final PlanOptions options;

  private OperatorPlanner(ResolvedOperator operator, PlanOptions options) {
    this.operator = operator;
    this.options = options;
  }

  public static OperatorPlan plan(ResolvedOperator operator, PlanOptions options) {
    return new OperatorPlanner(operator, options).run();
  }

  public static OperatorPlan plan(ResolvedOperator operator) {
    return plan(operator, PlanOptions.DEFAULT);
  }

  private OperatorPlan run() {
    Coefficient zeroOrder = Coefficient.ZERO;
    List<FirstOrderTerm> firstOrder = new ArrayList<>();
    List<DriftTerm> drifts = new ArrayList<>();
    for (Map.Entry<Atom, Coefficient> term : operator.terms().entrySet()) {
      Atom atom = term.getKey();
      if (atom instanceof Atom.Value) {
        zeroOrder = zeroOrder.plus(term.getValue());
      } else if (atom instanceof Atom.Partial p && p.order() == 1) {
        firstOrder.add(new FirstOrderTerm(p.coordinates().get(0), term.getValue()));
      } else if (atom instanceof Atom.Drift d) {
        drifts.add(new DriftTerm(d.vector(), term.getValue(), operator.spaceCoordinates()));
      }
    }
    List<JetGroup> groups = new ArrayList<>();
    secondOrder().ifPresent(groups::add);
    for (int order = 3; order <= 4; order++) {
      List<WeightedDirection> directions = higherOrder(order);
      if (!directions.isEmpty()) {
        groups.add(new JetGroup(order, directions, List.of()));
      }
    }
    return new OperatorPlan(operator.coordinates(), operator.spaceCoordinates(), zeroOrder, firstOrder, drifts, groups);
  }

  private java.util.Optional<JetGroup> secondOrder() {
    Map<Integer, Coefficient> diagonal = new LinkedHashMap<>();
    Map<Pair, Coefficient> mixed = new LinkedHashMap<>();
    List<RuntimeDirections> runtime = new ArrayList<>();
    operator.terms().forEach((atom, c) -> {
      if (atom instanceof Atom.Partial p && p.order() == 2) {
        int a = p.coordinates().get(0);
        int b = p.coordinates().get(1);
        if (a == b) {
          diagonal.merge(a, c, Coefficient::plus);
        } else {
          mixed.merge(new Pair(a, b), c, Coefficient::plus);
        }
      } else if (atom instanceof Atom.Laplacian) {
        operator.spaceCoordinates().forEach(a -> diagonal.merge(a, c, Coefficient::plus));
      } else if (atom instanceof Atom.Diffusion d) {
        runtime.add(new RuntimeDirections(d.matrix(), c, operator.spaceCoordinates()));
      }
    });
    diagonal.values().removeIf(Coefficient::isZero);
    List<WeightedDirection> directions = SecondOrderPlanner.plan(diagonal, mixed, options);
    return directions.isEmpty() && runtime.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(new JetGroup(2, directions, runtime));
  }

  private List<WeightedDirection> higherOrder(int order) {
    if (options.mixed() != MixedPlan.AUTO) {
      return higherOrder(order, options.mixed());
    }
    List<WeightedDirection> interpolation = higherOrder(order, MixedPlan.INTERPOLATION);
    List<WeightedDirection> signed = higherOrder(order, MixedPlan.SIGNED_POLARIZATION);
    return PlanCost.of(signed, options.perJetCost()) < PlanCost.of(interpolation, options.perJetCost()) ? signed : interpolation;
  }

  private List<WeightedDirection> higherOrder(int order, MixedPlan scheme) {
    DirectionAccumulator plan = new DirectionAccumulator(order);
    operator.terms().forEach((atom, c) -> {
      if (atom instanceof Atom.Partial p && p.order() == order) {
        MixedDerivatives.expand(p.coordinates(), c, scheme, plan);
      } else if (atom instanceof Atom.Biharmonic && order == 4) {
        BiharmonicPlans.expand(operator.spaceCoordinates(), c, options.biharmonic(), plan);
      }
    });
    return plan.directions();
  }
}
