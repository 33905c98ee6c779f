package dev.collapsar.processor.operator;

import dev.collapsar.processor.operator.PlanOptions.MixedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;

/**
 * Expands one term c·∂ᴷu/∂x_{a₁}…∂x_{a_K} (K = 3 or 4) into pure directional derivatives. With the
 * distinct coordinates v₁..v_I of the term and their multiplicities i:
 * <ul>
 *   <li>a pure derivative (I = 1) is c·∂ᴷu[eₐ];</li>
 *   <li>INTERPOLATION (DESIGN §4.2): Σ_{|j|=K} c·γ_{i,j}/K! · ∂ᴷu[Σ jₚeₚ] ({@link Interpolation});</li>
 *   <li>SIGNED_POLARIZATION: the polarization identity of a symmetric K-linear form,
 *       T(w₁,…,w_K) = 1/(2ᴷK!) Σ_{ε∈{±1}ᴷ} ε₁⋯ε_K ∂ᴷu[Σ εₖwₖ]; grouping the signs of each repeated
 *       vₚ (kₚ of its iₚ signs positive) gives directions Σ (2kₚ − iₚ)eₚ with weight
 *       c·Πₚ C(iₚ,kₚ)(−1)^{iₚ−kₚ} / (2ᴷK!). ±v merge, so about Πₚ(iₚ+1)/2 jets: 4 instead of 5 for
 *       i = (2,2) or (3,1), 8 instead of 35 for (1,1,1,1).</li>
 * </ul>
 */
final class MixedDerivatives {
  private MixedDerivatives() {}

  /** Adds the expansion of {@code c · ∂ᴷu/∂x[coordinates]} to {@code plan}. */
  static void expand(List<Integer> coordinates, Coefficient c, MixedPlan scheme, DirectionAccumulator plan) {
    Map<Integer, Integer> multiplicity = new TreeMap<>();
    coordinates.forEach(a -> multiplicity.merge(a, 1, Integer::sum));
    List<Integer> variables = new ArrayList<>(multiplicity.keySet());
    int[] i = variables.stream().mapToInt(multiplicity::get).toArray();
    if (variables.size() == 1) {
      plan.add(Direction.basis(variables.get(0)), c);
    } else if (scheme == MixedPlan.SIGNED_POLARIZATION) {
      signedPolarization(variables, i, c, plan);
    } else {
      for (Interpolation.Term term : Interpolation.expansion(i)) {
        plan.add(direction(variables, term.j().stream().mapToInt(Integer::intValue).toArray()), c.times(term.weight()));
      }
    }
  }

  private static void signedPolarization(List<Integer> variables, int[] i, Coefficient c, DirectionAccumulator plan) {
    int order = java.util.Arrays.stream(i).sum();
    BigFraction norm = new BigFraction(Interpolation.factorial(order)).multiply(1L << order);
    for (int[] k : box(i)) {
      int[] s = new int[i.length];
      BigFraction weight = BigFraction.ONE.divide(norm);
      for (int p = 0; p < i.length; p++) {
        s[p] = 2 * k[p] - i[p];
        weight = weight.multiply(Interpolation.binomial(new BigFraction(i[p]), k[p])).multiply((i[p] - k[p]) % 2 == 0 ? 1 : -1);
      }
      plan.add(direction(variables, s), c.times(weight));
    }
  }

  private static Direction direction(List<Integer> variables, int[] multiples) {
    Map<Integer, Double> components = new TreeMap<>();
    for (int p = 0; p < multiples.length; p++) {
      components.put(variables.get(p), (double) multiples[p]);
    }
    return Direction.of(components);
  }

  /** All k with 0 ≤ k ≤ i componentwise. */
  private static List<int[]> box(int[] i) {
    List<int[]> result = new ArrayList<>();
    result.add(new int[i.length]);
    for (int p = 0; p < i.length; p++) {
      List<int[]> next = new ArrayList<>();
      for (int[] k : result) {
        for (int v = 0; v <= i[p]; v++) {
          int[] copy = k.clone();
          copy[p] = v;
          next.add(copy);
        }
      }
      result = next;
    }
    return result;
  }
}
