package dev.collapsar.processor.taylor;

import java.util.ArrayList;
import java.util.List;

/**
 * The set partitions of {1..k} grouped by block sizes, with their counts: the terms of Faà di
 * Bruno's formula f_k = Σ_π g^(|π|)(x₀) Π_{B∈π} x_{|B|}. For k = 4: {4}, {3,1}×4, {2,2}×3,
 * {2,1,1}×6, {1,1,1,1}. Computed, not tabulated, so every order comes from one place.
 */
final class Partitions {
  private Partitions() {}

  /** One shape of partition: block sizes (descending) and how many set partitions have it. */
  record Shape(int[] blockSizes, long count) {}

  static List<Shape> of(int k) {
    List<Shape> shapes = new ArrayList<>();
    collect(k, k, new ArrayList<>(), shapes, k);
    return shapes;
  }

  private static void collect(int remaining, int max, List<Integer> blocks, List<Shape> out, int k) {
    if (remaining == 0) {
      int[] sizes = blocks.stream().mapToInt(Integer::intValue).toArray();
      out.add(new Shape(sizes, count(sizes, k)));
      return;
    }
    for (int size = Math.min(remaining, max); size >= 1; size--) {
      blocks.add(size);
      collect(remaining - size, size, blocks, out, k);
      blocks.remove(blocks.size() - 1);
    }
  }

  /** k! / (Π_s (s!)^{m_s} m_s!) for block sizes s with multiplicities m_s. */
  private static long count(int[] sizes, int k) {
    long denominator = 1;
    int i = 0;
    while (i < sizes.length) {
      int j = i;
      while (j < sizes.length && sizes[j] == sizes[i]) {
        j++;
      }
      int multiplicity = j - i;
      denominator *= pow(Binomial.factorial(sizes[i]), multiplicity) * Binomial.factorial(multiplicity);
      i = j;
    }
    return Binomial.factorial(k) / denominator;
  }

  private static long pow(long base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
    }
    return result;
  }
}
