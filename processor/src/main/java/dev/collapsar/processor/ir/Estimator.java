package dev.collapsar.processor.ir;

/**
 * A randomized (stochastic Taylor-mode) estimator request: {@code samples} random directions drawn
 * from a standard Gaussian or a Rademacher distribution, so that E[v vᵀ] = I.
 *
 * @param samples S, the number of directions per estimate (at least 1), or {@link #RUN_TIME}
 * @param gaussian Gaussian entries (otherwise Rademacher ±1)
 */
public record Estimator(int samples, boolean gaussian) {

  /** The largest S accepted: directions are unrolled into the generated code. */
  public static final int MAX_SAMPLES = 256;

  /** S is chosen by the caller (the annotation's {@code RUN_TIME}). */
  public static final int RUN_TIME = -1;

  /**
   * Directions per pass when S is chosen at run time: the estimate then runs ⌈S/8⌉ passes, each
   * with one primal and 8 directions (the last padded with zero directions, which add nothing).
   */
  public static final int RUN_TIME_LANES = 8;

  public Estimator {
    if (samples < 1 && samples != RUN_TIME) {
      throw new IllegalArgumentException("samples " + samples);
    }
  }

  /** Whether S is chosen by the caller. */
  public boolean runTime() {
    return samples == RUN_TIME;
  }

  /** The directions one generated pass differentiates along: S, or {@link #RUN_TIME_LANES}. */
  public int lanes() {
    return runTime() ? RUN_TIME_LANES : samples;
  }
}
