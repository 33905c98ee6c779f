package dev.collapsar;

/** The distribution of random directions used by randomized (stochastic Taylor-mode) estimators. */
public enum Distribution {
  /** Standard normal entries: E[v vᵀ] = I and fourth moments as needed for the biharmonic. */
  GAUSSIAN,
  /** Entries ±1 with equal probability: E[v vᵀ] = I, usually lower variance for the Laplacian. */
  RADEMACHER
}
