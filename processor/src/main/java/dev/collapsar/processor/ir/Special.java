package dev.collapsar.processor.ir;

/** Value-graph operators that are neither arithmetic nor {@code Math} calls. */
public enum Special implements Operator {
  /** {@code c ? a : b}: arguments (condition, then, otherwise). */
  SELECT,
  /**
   * {@code a[i]}: arguments (array reference, int index), and for a local array a third, a version
   * number that keeps reads at different times (around stores) distinct nodes.
   */
  ARRAY_LOAD,
  /** {@code new double[n]}: arguments (int length, int id); the id keeps distinct arrays distinct. */
  NEW_ARRAY,
  /**
   * {@code new double[n][k]}: arguments (int rows, int columns, int id). The coefficients of a local
   * array: row i holds element i's k directions, so that a loop over directions indexes two rows with
   * the same index (which C2 vectorizes; into one flat array at an offset, it does not).
   */
  NEW_ROWS,
  /** {@code a.length}: argument (array reference). */
  LENGTH,
  /**
   * Σ_r a[i][r]·b[j][r], the dot product of row i of a and row j of b ({@code double[][]}s; with
   * a = b, entry (i, j) of a·aᵀ): arguments (a, int i, b, int j). Generated code computes it with a
   * small loop in a private helper.
   */
  CROSS_DOT,
  /**
   * {@code Math.fma(a, b, c)} = a·b + c with one rounding: arguments (a, b, c). Only the optimizer
   * writes it (a jammed jet sweep, {@code -Acollapsar.fma}); source code's {@code Math.fma} is not
   * differentiated.
   */
  FMA,
  /**
   * The lane index d of a lane axis over {@code width} directions: argument (int width). A node that
   * mentions it has a value per lane ({@link Type#LANES}); the optimizer replaces it by a loop index
   * or, per lane, by a constant.
   */
  LANE,
  /**
   * {@code value} in lane k and 0 in every other lane (a one-hot seed times a factor): arguments (int
   * k, int width, value). The other lanes are structural zeros: exact zeros whatever the factor.
   */
  ONE_HOT,
  /**
   * Σ_d value_d over the lanes in order d = 0, 1, …, added one by one to 0: arguments (lane value, int
   * width). The collapsed top coefficient's Σ_r w_r·x_{K,r}.
   */
  LANE_SUM,
  /** Lane k of a lane value: arguments (lane value, int k). The gradient's entries. */
  LANE_AT
}
