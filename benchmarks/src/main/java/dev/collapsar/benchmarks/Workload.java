package dev.collapsar.benchmarks;

import org.hipparchus.CalculusFieldElement;

/**
 * One function at one fixed point, with every way this module computes its Laplacian. The same
 * function is written once as an annotated source method (for the generated operators and the primal)
 * and once against Hipparchus's field API (for the {@code DerivativeStructure} and
 * {@code UnivariateDerivative2} baselines); the accuracy check confirms the two agree.
 */
public interface Workload {

  /** A short name for tables, such as {@code network}. */
  String name();

  /** The number of coordinates D. */
  int dimension();

  /** The benchmark point (a fresh copy); seeded, so every run measures the same point. */
  double[] point();

  /** The primal u(x). */
  double value(double[] x);

  /** Δu(x) from the generated {@code COLLAPSED} operator. */
  double collapsed(double[] x);

  /** Δu(x) from the generated {@code COLLAPSED} operator that also writes ∇u into {@code gradientOut}. */
  double collapsed(double[] x, double[] gradientOut);

  /** Δu(x) from the generated {@code STANDARD} (plain Taylor mode) operator. */
  double standard(double[] x);

  /**
   * The same function over any Hipparchus field element. Generic so that one text serves both
   * {@code DerivativeStructure} and {@code UnivariateDerivative2}; each JMH fork sees one element
   * type, so the interface calls are monomorphic there.
   */
  <T extends CalculusFieldElement<T>> T value(T[] x);

  /** Whether {@link #handWritten} exists: a closed-form Laplacian, the floor for every method. */
  default boolean hasHandWritten() {
    return false;
  }

  /** Δu(x) from a hand-derived formula; only when {@link #hasHandWritten()}. */
  default double handWritten(double[] x) {
    throw new UnsupportedOperationException(name() + " has no hand-written Laplacian");
  }
}
