package dev.collapsar.benchmarks;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.UnivariateDerivative2;

/**
 * The exact alternatives a Java user has today, written the way a careful user would: the factories,
 * the index arrays and the argument arrays are made once per workload, and each call only evaluates
 * the function. What they compute is the workload's {@link Derivatives}.
 *
 * <ul>
 *   <li>{@link #derivativeStructure}: one evaluation in Hipparchus {@code DerivativeStructure} with D
 *       parameters at the operator's order, summing the operator's partials; every value carries all
 *       C(D + k, k) partial derivatives, so each operation costs O(Dᵏ). Exact to rounding: the oracle
 *       where it is fast enough.
 *   <li>{@link #univariatePasses}: one evaluation per direction vᵣ along the line t ↦ u(x + t·vᵣ),
 *       in {@code UnivariateDerivative2} at order 2 (for the Laplacian the D basis directions: pass i
 *       gives ∂²u/∂xᵢ²) and in a one-parameter {@code DerivativeStructure} at order 4.
 * </ul>
 *
 * <p>Not thread-safe (scratch arrays); JMH gives each thread its own state. The factories are made on
 * first use, so a workload that has no use for one (D = 50 at order 2) never builds it.
 */
public final class HipparchusBaselines {
  private final Workload workload;
  private final Derivatives derivatives;
  private DSFactory factory;
  private DerivativeStructure[] variables;
  private final UnivariateDerivative2[] constants;
  private final UnivariateDerivative2[] line;
  private DSFactory lineFactory;
  private DerivativeStructure[] line4;

  /** Baselines for {@code workload}'s operator. */
  public HipparchusBaselines(Workload workload) {
    this.workload = workload;
    this.derivatives = workload.derivatives();
    this.constants = new UnivariateDerivative2[workload.dimension()];
    this.line = new UnivariateDerivative2[workload.dimension()];
  }

  /** The operator as a sum of partial derivatives of one {@code DerivativeStructure} evaluation. */
  public double derivativeStructure(double[] x) {
    if (factory == null) {
      require(derivatives.hasPartials(), "partial derivatives");
      factory = new DSFactory(x.length, derivatives.order());
      variables = new DerivativeStructure[x.length];
    }
    for (int i = 0; i < x.length; i++) {
      variables[i] = factory.variable(i, x[i]);
    }
    DerivativeStructure u = workload.value(variables);
    double sum = 0;
    for (int[] orders : derivatives.partials()) {
      sum += u.getPartialDerivative(orders);
    }
    return sum;
  }

  /** The operator as weight · Σᵣ ∂ᵏu[vᵣ], one univariate pass per direction. */
  public double univariatePasses(double[] x) {
    require(derivatives.hasDirections(), "directions");
    double sum = 0;
    if (derivatives.order() == 2) {
      for (int i = 0; i < x.length; i++) {
        constants[i] = new UnivariateDerivative2(x[i], 0, 0);
      }
      for (double[] direction : derivatives.directions()) {
        sum += secondDerivative(x, direction);
      }
    } else {
      for (double[] direction : derivatives.directions()) {
        sum += fourthDerivative(x, direction);
      }
    }
    return derivatives.weight() * sum;
  }

  /** ∂²u[v]; coordinates that do not move along v stay the constants of this call. */
  private double secondDerivative(double[] x, double[] v) {
    for (int i = 0; i < x.length; i++) {
      line[i] = v[i] == 0 ? constants[i] : new UnivariateDerivative2(x[i], v[i], 0);
    }
    return workload.value(line).getSecondDerivative();
  }

  /** ∂⁴u[v], the fourth derivative of t ↦ u(x + t·v) at 0. */
  private double fourthDerivative(double[] x, double[] v) {
    if (lineFactory == null) {
      require(derivatives.order() == 4, "an order of 2 or 4");
      lineFactory = new DSFactory(1, 4);
      line4 = new DerivativeStructure[x.length];
    }
    for (int i = 0; i < x.length; i++) {
      line4[i] = lineFactory.build(x[i], v[i], 0, 0, 0);
    }
    return workload.value(line4).getPartialDerivative(4);
  }

  private void require(boolean present, String what) {
    if (!present) {
      throw new UnsupportedOperationException(workload.name() + ": the operator is not given by " + what);
    }
  }
}
