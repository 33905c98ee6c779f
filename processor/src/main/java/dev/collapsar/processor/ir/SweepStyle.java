package dev.collapsar.processor.ir;

/**
 * How the multiply-adds of a dense layer's jet sweep are written ({@code -Acollapsar.fma},
 * {@code -Acollapsar.vector}).
 */
public enum SweepStyle {
  /** {@code z[d] = z[d] + a·v[d]}: two roundings, the source's bits; loops that C2 vectorizes. */
  PLAIN,
  /** The same loops with {@code Math.fma}: one rounding per multiply-add. */
  FMA,
  /**
   * Register-blocked kernels on {@code jdk.incubator.vector} ({@link Statement.LaneSweep}), with the
   * values of {@link #FMA}; only where that module is visible to the compilation.
   */
  VECTOR;

  /** Whether multiply-adds round once. */
  public boolean fused() {
    return this != PLAIN;
  }
}
