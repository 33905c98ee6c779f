package dev.collapsar.processor.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A multivariate polynomial with every derivative computed exactly by hand: the oracle for plan
 * exactness, independent of any automatic differentiation. Directional derivatives use the
 * multinomial expansion ∂ᴷp[v] = Σ_{|α|=K} K!/α! · v^α · ∂^α p.
 */
final class Polynomial {
  private final int dimension;
  private final List<int[]> exponents = new ArrayList<>();
  private final List<Double> coefficients = new ArrayList<>();

  private Polynomial(int dimension) {
    this.dimension = dimension;
  }

  /** Every monomial of degree ≤ {@code maxDegree} with a random coefficient in [−2, 2], about half of them zero. */
  static Polynomial random(Random random, int dimension, int maxDegree) {
    Polynomial p = new Polynomial(dimension);
    for (int degree = 0; degree <= maxDegree; degree++) {
      for (int[] alpha : multiIndices(dimension, degree)) {
        if (random.nextBoolean() || degree == maxDegree) {
          p.exponents.add(alpha);
          p.coefficients.add(random.nextDouble() * 4 - 2);
        }
      }
    }
    return p;
  }

  int dimension() {
    return dimension;
  }

  double value(double[] x) {
    return partial(new int[dimension], x);
  }

  /** ∂^α p at x. */
  double partial(int[] alpha, double[] x) {
    double sum = 0;
    for (int m = 0; m < exponents.size(); m++) {
      double term = coefficients.get(m);
      int[] e = exponents.get(m);
      for (int i = 0; i < dimension && term != 0; i++) {
        term *= fallingFactorial(e[i], alpha[i]) * Math.pow(x[i], e[i] - alpha[i]);
      }
      sum += term;
    }
    return sum;
  }

  /** ∂ᵏp/∂x_{c₁}…∂x_{c_k} at x, the coordinates listed with repetition. */
  double partial(List<Integer> coordinates, double[] x) {
    int[] alpha = new int[dimension];
    coordinates.forEach(c -> alpha[c]++);
    return partial(alpha, x);
  }

  /** ∂ᴷp[v, …, v] at x. */
  double directional(int order, double[] v, double[] x) {
    double sum = 0;
    for (int[] alpha : multiIndices(dimension, order)) {
      double term = multinomial(order, alpha);
      for (int i = 0; i < dimension; i++) {
        term *= Math.pow(v[i], alpha[i]);
      }
      if (term != 0) {
        sum += term * partial(alpha, x);
      }
    }
    return sum;
  }

  private static double fallingFactorial(int n, int k) {
    if (k > n) {
      return 0;
    }
    double f = 1;
    for (int i = 0; i < k; i++) {
      f *= n - i;
    }
    return f;
  }

  private static double multinomial(int order, int[] alpha) {
    double m = fallingFactorial(order, order);
    for (int a : alpha) {
      m /= fallingFactorial(a, a);
    }
    return m;
  }

  /** All α ≥ 0 in {@code dimension} variables with |α| = degree. */
  static List<int[]> multiIndices(int dimension, int degree) {
    List<int[]> result = new ArrayList<>();
    fill(new int[dimension], 0, degree, result);
    return result;
  }

  private static void fill(int[] prefix, int position, int remaining, List<int[]> out) {
    if (position == prefix.length) {
      if (remaining == 0) {
        out.add(prefix.clone());
      }
      return;
    }
    for (int v = 0; v <= remaining; v++) {
      prefix[position] = v;
      fill(prefix, position + 1, remaining - v, out);
    }
    prefix[position] = 0;
  }
}
