package dev.collapsar.processor.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The Griewank–Utke–Walther coefficients against the exact values of DESIGN §4.2, and the identity they serve. */
class InterpolationTest {

  private static BigFraction f(int numerator, int denominator) {
    return new BigFraction(numerator, denominator);
  }

  private static void assertGammas(int[] i, Map<List<Integer>, BigFraction> expected) {
    Map<List<Integer>, BigFraction> actual = new TreeMap<>(InterpolationTest::compareLists);
    for (int[] j : Interpolation.compositions(java.util.Arrays.stream(i).sum(), i.length)) {
      BigFraction g = Interpolation.gamma(i, j);
      if (g.signum() != 0) {
        actual.put(java.util.Arrays.stream(j).boxed().toList(), g);
      }
    }
    Map<List<Integer>, BigFraction> sorted = new TreeMap<>(InterpolationTest::compareLists);
    sorted.putAll(expected);
    assertEquals(sorted, actual);
  }

  private static int compareLists(List<Integer> a, List<Integer> b) {
    for (int k = 0; k < a.size(); k++) {
      int c = Integer.compare(a.get(k), b.get(k));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Test
  void polarizationPair() {
    assertGammas(new int[] {1, 1}, Map.of(List.of(2, 0), f(-1, 4), List.of(1, 1), f(1, 1), List.of(0, 2), f(-1, 4)));
  }

  @Test
  void twoOne() {
    assertGammas(new int[] {2, 1}, Map.of(List.of(3, 0), f(-5, 27), List.of(2, 1), f(2, 3), List.of(1, 2), f(-1, 3),
        List.of(0, 3), f(2, 27)));
  }

  @Test
  void twoTwo() {
    assertGammas(new int[] {2, 2}, Map.of(List.of(4, 0), f(13, 192), List.of(3, 1), f(-1, 3), List.of(2, 2), f(5, 8),
        List.of(1, 3), f(-1, 3), List.of(0, 4), f(13, 192)));
  }

  @Test
  void pureFourth() {
    assertGammas(new int[] {4}, Map.of(List.of(4), f(3, 32)));
    // γ/4! = 1/4⁴: the pure derivative along 4e is 256 times that along e.
    assertEquals(List.of(new Interpolation.Term(List.of(4), f(1, 256))), Interpolation.expansion(4));
  }

  @Test
  void generalizedBinomial() {
    assertEquals(f(10, 1), Interpolation.binomial(new BigFraction(5), 2));
    assertEquals(f(1, 1), Interpolation.binomial(f(7, 3), 0));
    // C(4/3, 2) = (4/3)(1/3)/2 = 2/9; C(-1/2, 3) = (-1/2)(-3/2)(-5/2)/6 = -5/16.
    assertEquals(f(2, 9), Interpolation.binomial(f(4, 3), 2));
    assertEquals(f(-5, 16), Interpolation.binomial(f(-1, 2), 3));
  }

  /** Every multiplicity pattern up to order 4: the expansion reproduces the mixed partial of a random polynomial. */
  @Test
  void expansionsReproduceMixedPartials() {
    Random random = new Random(17);
    int[][] patterns = {{1, 1}, {2, 1}, {1, 2}, {1, 1, 1}, {3, 1}, {2, 2}, {1, 3}, {2, 1, 1}, {1, 2, 1}, {1, 1, 1, 1}};
    for (int[] i : patterns) {
      int dimension = i.length;
      Polynomial p = Polynomial.random(random, dimension, 4);
      double[] x = random.doubles(dimension, -1, 1).toArray();
      double sum = 0;
      for (Interpolation.Term term : Interpolation.expansion(i)) {
        double[] v = term.j().stream().mapToDouble(Integer::doubleValue).toArray();
        sum += term.weight().doubleValue() * p.directional(java.util.Arrays.stream(i).sum(), v, x);
      }
      assertEquals(p.partial(i, x), sum, 1e-9 * Math.max(1, Math.abs(p.partial(i, x))), java.util.Arrays.toString(i));
    }
  }
}
