package dev.collapsar.processor.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Griewank–Utke–Walther interpolation (DESIGN §4.2), exactly: a mixed K-th derivative along
 * v₁..v_I with multiplicities i (|i| = K) as a fixed combination of pure K-th directional
 * derivatives,
 * <pre>
 * ⟨∂ᴷf, v₁^{⊗i₁}⊗…⊗v_I^{⊗i_I}⟩ = Σ_{|j|=K} (γ_{i,j}/K!) ∂ᴷf[(Σₚ jₚvₚ)^{⊗K}],
 * γ_{i,j} = Σ_{0<m≤i} (−1)^{|i−m|} C(i,m) C(|i|·m/|m|, j) (|m|/|i|)^{|i|},
 * </pre>
 * multi-index binomials componentwise, C(a,b) = Π_{l<b}(a−l)/(b−l) for fractional a.
 */
public final class Interpolation {
  private Interpolation() {}

  /**
   * One pure directional derivative of an expansion: direction Σₚ jₚvₚ, weight γ_{i,j}/K!.
   *
   * @param j the multiples of v₁..v_I
   * @param weight γ_{i,j}/K!
   */
  public record Term(List<Integer> j, BigFraction weight) {
    public Term {
      j = List.copyOf(j);
    }
  }

  /** The nonzero terms of the expansion for multiplicities {@code i}, j in lexicographically descending order. */
  public static List<Term> expansion(int... i) {
    int order = Arrays.stream(i).sum();
    BigFraction factorial = new BigFraction(factorial(order));
    List<Term> terms = new ArrayList<>();
    for (int[] j : compositions(order, i.length)) {
      BigFraction g = gamma(i, j);
      if (g.signum() != 0) {
        terms.add(new Term(Arrays.stream(j).boxed().toList(), g.divide(factorial)));
      }
    }
    return terms;
  }

  /** γ_{i,j}, exactly. */
  public static BigFraction gamma(int[] i, int[] j) {
    if (i.length != j.length) {
      throw new IllegalArgumentException("i and j differ in length");
    }
    int order = Arrays.stream(i).sum();
    BigFraction sum = BigFraction.ZERO;
    for (int[] m : boxBelow(i)) {
      int size = Arrays.stream(m).sum();
      if (size == 0) {
        continue;
      }
      BigFraction term = new BigFraction((order - size) % 2 == 0 ? 1 : -1);
      for (int p = 0; p < i.length; p++) {
        term = term.multiply(binomial(new BigFraction(i[p]), m[p]))
            .multiply(binomial(new BigFraction(order * m[p], size), j[p]));
      }
      sum = sum.add(term.multiply(new BigFraction(size, order).pow(order)));
    }
    return sum;
  }

  /** The generalized binomial C(a, b) = Π_{l<b} (a−l)/(b−l) for rational a and integer b ≥ 0. */
  public static BigFraction binomial(BigFraction a, int b) {
    BigFraction result = BigFraction.ONE;
    for (int l = 0; l < b; l++) {
      result = result.multiply(a.subtract(l)).divide(b - l);
    }
    return result;
  }

  static long factorial(int n) {
    long f = 1;
    for (int k = 2; k <= n; k++) {
      f *= k;
    }
    return f;
  }

  /** All m with 0 ≤ m ≤ i componentwise. */
  private static List<int[]> boxBelow(int[] i) {
    List<int[]> result = new ArrayList<>();
    result.add(new int[i.length]);
    for (int p = 0; p < i.length; p++) {
      List<int[]> next = new ArrayList<>();
      for (int[] m : result) {
        for (int v = 0; v <= i[p]; v++) {
          int[] copy = m.clone();
          copy[p] = v;
          next.add(copy);
        }
      }
      result = next;
    }
    return result;
  }

  /** All j ≥ 0 with {@code parts} entries summing to {@code total}, lexicographically descending. */
  static List<int[]> compositions(int total, int parts) {
    List<int[]> result = new ArrayList<>();
    compose(new int[parts], 0, total, result);
    return result;
  }

  private static void compose(int[] prefix, int position, int remaining, List<int[]> out) {
    if (position == prefix.length - 1) {
      prefix[position] = remaining;
      out.add(prefix.clone());
      return;
    }
    for (int v = remaining; v >= 0; v--) {
      prefix[position] = v;
      compose(prefix, position + 1, remaining - v, out);
    }
  }
}
