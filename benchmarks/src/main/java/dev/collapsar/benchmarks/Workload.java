package dev.collapsar.benchmarks;

import org.hipparchus.CalculusFieldElement;

/**
 * One function at one fixed point, with every way this module computes one linear operator of it:
 * the Laplacian (the default), the biharmonic, or a randomized estimate of either along fixed
 * directions. The same function is written once as an annotated source method (for the generated
 * operators and the primal) and once against Hipparchus's field API (for the
 * {@code DerivativeStructure} and univariate baselines, and the oracles); the accuracy check
 * confirms the two agree.
 */
public interface Workload {

  /** The operator a workload computes. */
  enum Operator {
    /** Δu, order 2. */
    LAPLACIAN,
    /** Δ²u, order 4. */
    BIHARMONIC
  }

  /** A short name for tables and plot files, such as {@code network}. */
  String name();

  /** The number of coordinates D. */
  int dimension();

  /** The operator; {@link #samples()} says whether exactly or as an estimate. */
  default Operator operator() {
    return Operator.LAPLACIAN;
  }

  /** The number S of directions of a randomized estimator; 0 for the exact operator. */
  default int samples() {
    return 0;
  }

  /** The workload of the exact operator that this one estimates (itself when exact), for comparisons. */
  default String exactWorkload() {
    return name();
  }

  /** The benchmark point (a fresh copy); seeded, so every run measures the same point. */
  double[] point();

  /** The primal u(x). */
  double value(double[] x);

  /** The operator at x from the generated {@code COLLAPSED} operator. */
  double collapsed(double[] x);

  /** Δu(x) from the generated {@code COLLAPSED} operator that also writes ∇u into {@code gradientOut}. */
  default double collapsed(double[] x, double[] gradientOut) {
    throw new UnsupportedOperationException(name() + " has no gradient variant");
  }

  /** The operator at x from the generated {@code STANDARD} (plain Taylor mode) operator. */
  double standard(double[] x);

  /**
   * The operator at x by one of the methods only some workloads have (the hand-written formula, the
   * reference plan): those its benchmark measures.
   */
  default double variant(Method method, double[] x) {
    throw new UnsupportedOperationException(name() + " has no " + method.label());
  }

  /**
   * The same function over any Hipparchus field element. Generic so that one text serves both
   * {@code DerivativeStructure} and the univariate types; each JMH fork sees one element type, so the
   * interface calls are monomorphic there.
   */
  <T extends CalculusFieldElement<T>> T value(T[] x);

  /** The operator as the Hipparchus baselines compute it (by default the Laplacian in D coordinates). */
  default Derivatives derivatives() {
    return Derivatives.laplacian(dimension());
  }

  /** The method whose result the accuracy check takes as exact; independent of the generated code. */
  default Method oracle() {
    return Method.DERIVATIVE_STRUCTURE;
  }

  /** How many seeded instances the accuracy check evaluates: fewer where the oracle takes seconds. */
  default int accuracyInstances() {
    return 8;
  }
}
