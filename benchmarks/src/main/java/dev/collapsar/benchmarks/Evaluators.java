package dev.collapsar.benchmarks;

/**
 * Every {@link Method} of one {@link Workload} behind one switch, for the accuracy check (the
 * benchmarks call each method directly instead, so that no dispatch is measured).
 */
final class Evaluators {
  private final Workload workload;
  private final HipparchusBaselines hipparchus;
  private final CentralDifferences differences;

  Evaluators(Workload workload) {
    this.workload = workload;
    this.hipparchus = new HipparchusBaselines(workload);
    this.differences = new CentralDifferences(workload);
  }

  /** The method's result at x: the workload's operator, or u(x) for {@link Method#PRIMAL}. */
  double evaluate(Method method, double[] x) {
    return switch (method) {
      case PRIMAL -> workload.value(x);
      case COLLAPSED -> workload.collapsed(x);
      case COLLAPSED_GRADIENT -> workload.collapsed(x, new double[x.length]);
      case STANDARD -> workload.standard(x);
      case COLLAPSED_REFERENCE_PLAN, STANDARD_REFERENCE_PLAN, HAND_WRITTEN -> workload.variant(method, x);
      case DERIVATIVE_STRUCTURE -> hipparchus.derivativeStructure(x);
      case UNIVARIATE_PASSES -> hipparchus.univariatePasses(x);
      case CENTRAL_DIFFERENCES -> differences.laplacian(x);
    };
  }
}
