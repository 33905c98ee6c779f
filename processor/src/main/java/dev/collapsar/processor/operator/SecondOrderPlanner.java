package dev.collapsar.processor.operator;

import dev.collapsar.processor.operator.PlanOptions.SecondOrderPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hipparchus.fraction.BigFraction;

/**
 * Plans Σ Cₐₐ ∂²u/∂xₐ² + Σ_{a<b} Pₐ_b ∂²u/∂xₐ∂x_b (DESIGN §4.1). Coordinates coupled by mixed terms
 * form blocks (connected components); an uncoupled coordinate is just eₐ with weight Cₐₐ, and each
 * block gets the cheapest applicable plan by {@link PlanCost} (or the one the options force):
 * <ul>
 *   <li>POLARIZATION: Pₐ_b ∂ₐ_b = (Pₐ_b/2)(∂²[eₐ+e_b] − ∂²[eₐ] − ∂²[e_b]), sharing eₐ with the diagonal;</li>
 *   <li>SIGNED_POLARIZATION: Pₐ_b ∂ₐ_b = (Pₐ_b/4)(∂²[eₐ+e_b] − ∂²[eₐ−e_b]), two jets per pair;</li>
 *   <li>LDL and EIGEN, for blocks whose coefficients are all constants: a rank-many decomposition of
 *       the symmetric matrix, exact ({@link RankDecomposition}) or by eigenvectors ({@link EigenPlan}).</li>
 * </ul>
 * Ties go to the earlier plan in that list: exact and sparse first.
 */
final class SecondOrderPlanner {
  /** An unordered coordinate pair, a &lt; b. */
  record Pair(int a, int b) {
    Pair {
      if (a >= b) {
        throw new IllegalArgumentException(a + " >= " + b);
      }
    }
  }

  private final Map<Integer, Coefficient> diagonal;
  private final Map<Pair, Coefficient> mixed;
  private final PlanOptions options;

  private SecondOrderPlanner(Map<Integer, Coefficient> diagonal, Map<Pair, Coefficient> mixed, PlanOptions options) {
    this.diagonal = diagonal;
    this.mixed = mixed;
    this.options = options;
  }

  /**
   * The weighted directions of the second-order part.
   *
   * @param diagonal coordinate a → Cₐₐ, the coefficient of ∂²u/∂xₐ²
   * @param mixed pair (a, b) → Pₐ_b, the coefficient of ∂²u/∂xₐ∂x_b (the whole of it, not half)
   */
  static List<WeightedDirection> plan(Map<Integer, Coefficient> diagonal, Map<Pair, Coefficient> mixed, PlanOptions options) {
    return new SecondOrderPlanner(diagonal, mixed, options).run();
  }

  private List<WeightedDirection> run() {
    DirectionAccumulator result = new DirectionAccumulator(2);
    for (List<Integer> block : blocks()) {
      result.addAll(block.size() == 1
          ? List.of(new WeightedDirection(Direction.basis(block.get(0)), diagonal(block.get(0))))
          : planBlock(block));
    }
    return result.directions();
  }

  private List<WeightedDirection> planBlock(List<Integer> block) {
    Map<SecondOrderPlan, List<WeightedDirection>> candidates = new LinkedHashMap<>();
    candidates.put(SecondOrderPlan.POLARIZATION, polarization(block));
    candidates.put(SecondOrderPlan.SIGNED_POLARIZATION, signedPolarization(block));
    BigFraction[][] constant = constantMatrix(block);
    if (constant != null) {
      RankDecomposition.plan(block, constant).ifPresent(p -> candidates.put(SecondOrderPlan.LDL, p));
      candidates.put(SecondOrderPlan.EIGEN, EigenPlan.plan(block, constant));
    }
    if (options.secondOrder() != SecondOrderPlan.AUTO) {
      // A forced plan that does not apply (LDL or EIGEN with a parameter coefficient) falls back to polarization.
      return candidates.getOrDefault(options.secondOrder(), candidates.get(SecondOrderPlan.POLARIZATION));
    }
    List<WeightedDirection> best = null;
    for (List<WeightedDirection> c : candidates.values()) {
      if (best == null || PlanCost.of(c, options.perJetCost()) < PlanCost.of(best, options.perJetCost())) {
        best = c;
      }
    }
    return best;
  }

  private List<WeightedDirection> polarization(List<Integer> block) {
    DirectionAccumulator plan = new DirectionAccumulator(2);
    block.forEach(a -> plan.add(Direction.basis(a), diagonal(a)));
    mixedIn(block).forEach((pair, p) -> {
      Coefficient half = p.times(BigFraction.ONE_HALF);
      plan.add(Direction.of(Map.of(pair.a(), 1.0, pair.b(), 1.0)), half);
      plan.add(Direction.basis(pair.a()), half.negate());
      plan.add(Direction.basis(pair.b()), half.negate());
    });
    return plan.directions();
  }

  private List<WeightedDirection> signedPolarization(List<Integer> block) {
    DirectionAccumulator plan = new DirectionAccumulator(2);
    block.forEach(a -> plan.add(Direction.basis(a), diagonal(a)));
    mixedIn(block).forEach((pair, p) -> {
      Coefficient quarter = p.times(BigFraction.ONE_QUARTER);
      plan.add(Direction.of(Map.of(pair.a(), 1.0, pair.b(), 1.0)), quarter);
      plan.add(Direction.of(Map.of(pair.a(), 1.0, pair.b(), -1.0)), quarter.negate());
    });
    return plan.directions();
  }

  /** The symmetric matrix of the block (Cₐₐ on the diagonal, Pₐ_b/2 off it), or null if a coefficient is not constant. */
  private BigFraction[][] constantMatrix(List<Integer> block) {
    int n = block.size();
    BigFraction[][] m = new BigFraction[n][n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        Coefficient entry = r == c ? diagonal(block.get(r))
            : mixed.getOrDefault(new Pair(Math.min(block.get(r), block.get(c)), Math.max(block.get(r), block.get(c))),
                Coefficient.ZERO).times(BigFraction.ONE_HALF);
        if (!entry.isConstant()) {
          return null;
        }
        m[r][c] = entry.constantValue();
      }
    }
    return m;
  }

  private Coefficient diagonal(int a) {
    return diagonal.getOrDefault(a, Coefficient.ZERO);
  }

  private Map<Pair, Coefficient> mixedIn(List<Integer> block) {
    Map<Pair, Coefficient> result = new LinkedHashMap<>();
    mixed.forEach((pair, p) -> {
      if (block.contains(pair.a())) {
        result.put(pair, p);
      }
    });
    return result;
  }

  /** Connected components of the coupling graph over every coordinate that has a term, ordered by least coordinate. */
  private List<List<Integer>> blocks() {
    Map<Integer, Integer> parent = new TreeMap<>();
    diagonal.keySet().forEach(a -> parent.put(a, a));
    mixed.keySet().forEach(p -> {
      parent.putIfAbsent(p.a(), p.a());
      parent.putIfAbsent(p.b(), p.b());
    });
    mixed.keySet().forEach(p -> parent.put(root(parent, p.a()), root(parent, p.b())));
    Map<Integer, TreeSet<Integer>> byRoot = new TreeMap<>();
    parent.keySet().forEach(a -> byRoot.computeIfAbsent(root(parent, a), r -> new TreeSet<>()).add(a));
    List<List<Integer>> blocks = new ArrayList<>();
    byRoot.values().forEach(s -> blocks.add(List.copyOf(s)));
    blocks.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
    return blocks;
  }

  private static int root(Map<Integer, Integer> parent, int a) {
    while (parent.get(a) != a) {
      a = parent.get(a);
    }
    return a;
  }
}
