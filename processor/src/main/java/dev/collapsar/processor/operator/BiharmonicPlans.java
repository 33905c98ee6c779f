package dev.collapsar.processor.operator;

import dev.collapsar.processor.operator.PlanOptions.BiharmonicPlan;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;

/**
 * Expansions of c·Δ²u = c·Σₐ,_b ∂⁴u/∂xₐ²∂x_b² over the space coordinates (DESIGN §4.3), D of them.
 * <ul>
 *   <li>SPARSE_D2: Δ²u = (1 − (D−1)/3)·Σᵢ ∂⁴u[eᵢ] + (1/6)·Σ_{i&lt;j} (∂⁴u[eᵢ+eⱼ] + ∂⁴u[eᵢ−eⱼ]); D²
 *       jets, except at D = 4 where the basis weight 1 − 3/3 vanishes and 12 remain. (It is the
 *       signed polarization of each ∂ₐₐ_b_b with the basis terms merged.)</li>
 *   <li>REFERENCE: Griewank–Utke–Walther per pair, directions 4eₐ, 3eₐ+e_b (a ≠ b) and 2eₐ+2e_b
 *       (a &lt; b) with weights (13D−4)/2304, −1/36, 5/96: D + D(D−1) + D(D−1)/2 jets. (Stored at
 *       canonical scale, eₐ with 256× and eₐ+e_b with 16× the weight.)</li>
 * </ul>
 */
final class BiharmonicPlans {
  private BiharmonicPlans() {}

  static void expand(List<Integer> space, Coefficient c, BiharmonicPlan plan, DirectionAccumulator into) {
    if (plan == BiharmonicPlan.REFERENCE) {
      reference(space, c, into);
    } else {
      sparse(space, c, into);
    }
  }

  private static void sparse(List<Integer> space, Coefficient c, DirectionAccumulator into) {
    int d = space.size();
    BigFraction basis = new BigFraction(4 - d, 3);
    BigFraction pair = new BigFraction(1, 6);
    for (int a : space) {
      into.add(Direction.basis(a), c.times(basis));
    }
    forPairs(space, (a, b) -> {
      into.add(Direction.of(Map.of(a, 1.0, b, 1.0)), c.times(pair));
      into.add(Direction.of(Map.of(a, 1.0, b, -1.0)), c.times(pair));
    });
  }

  private static void reference(List<Integer> space, Coefficient c, DirectionAccumulator into) {
    int d = space.size();
    BigFraction pure = new BigFraction(13L * d - 4, 2304);
    BigFraction threeOne = new BigFraction(-1, 36);
    BigFraction twoTwo = new BigFraction(5, 96);
    for (int a : space) {
      into.add(Direction.of(Map.of(a, 4.0)), c.times(pure));
    }
    forPairs(space, (a, b) -> {
      into.add(Direction.of(Map.of(a, 3.0, b, 1.0)), c.times(threeOne));
      into.add(Direction.of(Map.of(a, 1.0, b, 3.0)), c.times(threeOne));
      into.add(Direction.of(Map.of(a, 2.0, b, 2.0)), c.times(twoTwo));
    });
  }

  private static void forPairs(List<Integer> space, java.util.function.BiConsumer<Integer, Integer> action) {
    for (int x = 0; x < space.size(); x++) {
      for (int y = x + 1; y < space.size(); y++) {
        action.accept(space.get(x), space.get(y));
      }
    }
  }
}
