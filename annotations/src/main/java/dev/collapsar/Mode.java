package dev.collapsar;

/** How the processor propagates Taylor coefficients. */
public enum Mode {
  /**
   * Collapsed Taylor mode (the default): the primal and the lower coefficients are kept per direction,
   * the top coefficient only as its weighted sum over all directions. For the Laplacian in D
   * dimensions a value carries 2 + D numbers instead of 1 + 2D.
   */
  COLLAPSED,
  /**
   * Plain Taylor mode: every coefficient of every direction is propagated and the weighted sum is
   * taken at the end. Kept to verify {@link #COLLAPSED} and to measure what collapsing saves.
   */
  STANDARD
}
