package dev.collapsar.processor.ir;

/**
 * A randomized (stochastic Taylor-mode) estimator request: {@code samples} random directions drawn
 * from a standard Gaussian or a Rademacher distribution, so that E[v vᵀ] = I.
 *
 * @param samples S, the number of directions per estimate (at least 1)
 * @param gaussian Gaussian entries (otherwise Rademacher ±1)
 */
public record Estimator(int samples, boolean gaussian) {

  /** The largest S accepted: directions are unrolled into the generated code. */
  public static final int MAX_SAMPLES = 256;

  public Estimator {
    if (samples < 1) {
      throw new IllegalArgumentException("samples " + samples);
    }
  }
}
