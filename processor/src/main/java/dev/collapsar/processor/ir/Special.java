package dev.collapsar.processor.ir;

/** Value-graph operators that are neither arithmetic nor {@code Math} calls. */
public enum Special implements Operator {
  /** {@code c ? a : b}: arguments (condition, then, otherwise). */
  SELECT,
  /** {@code a[i]}: arguments (array reference, int index). */
  ARRAY_LOAD,
  /** {@code a.length}: argument (array reference). */
  LENGTH,
  /**
   * Σ_r m[i][r]·m[j][r], entry (i, j) of m·mᵀ for a {@code double[][]} m: arguments (matrix
   * reference, int i, int j). Generated code computes it with a small loop in a private helper.
   */
  ROW_DOT,
  /**
   * One draw from a random generator: arguments (generator reference, int 1 for a standard Gaussian
   * or 0 for Rademacher ±1, int index). The index only keeps distinct draws distinct nodes.
   */
  DRAW
}
