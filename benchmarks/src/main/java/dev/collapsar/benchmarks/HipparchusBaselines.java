package dev.collapsar.benchmarks;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.UnivariateDerivative2;

/**
 * The two exact alternatives a Java user has today, written the way a careful user would: the
 * factory, the index arrays and the argument arrays are made once per workload, and each call only
 * evaluates the function.
 *
 * <ul>
 *   <li>{@link #derivativeStructure}: one evaluation in Hipparchus {@code DerivativeStructure} with D
 *       parameters at order 2; every value carries all C(D + 2, 2) partial derivatives, so each
 *       operation costs O(D²). Exact to rounding: it is also the accuracy oracle.
 *   <li>{@link #univariatePasses}: D evaluations in {@code UnivariateDerivative2}, pass i along the
 *       basis direction eᵢ (the second derivative of t ↦ u(x + t·eᵢ) is ∂²u/∂xᵢ²).
 * </ul>
 *
 * <p>Not thread-safe (scratch arrays); JMH gives each thread its own state.
 */
public final class HipparchusBaselines {
  private final Workload workload;
  private final DSFactory factory;
  private final int[][] secondOrders;
  private final DerivativeStructure[] variables;
  private final UnivariateDerivative2[] line;

  /** Baselines for {@code workload}, with a {@code DSFactory} of D parameters and order 2. */
  public HipparchusBaselines(Workload workload) {
    this.workload = workload;
    int d = workload.dimension();
    this.factory = new DSFactory(d, 2);
    this.secondOrders = new int[d][d];
    for (int i = 0; i < d; i++) {
      secondOrders[i][i] = 2;
    }
    this.variables = new DerivativeStructure[d];
    this.line = new UnivariateDerivative2[d];
  }

  /** Δu(x) as the sum of the D pure second partials of one {@code DerivativeStructure} evaluation. */
  public double derivativeStructure(double[] x) {
    for (int i = 0; i < x.length; i++) {
      variables[i] = factory.variable(i, x[i]);
    }
    DerivativeStructure u = workload.value(variables);
    double sum = 0;
    for (int[] orders : secondOrders) {
      sum += u.getPartialDerivative(orders);
    }
    return sum;
  }

  /** Δu(x) from D univariate order-2 passes, one per coordinate. */
  public double univariatePasses(double[] x) {
    for (int i = 0; i < x.length; i++) {
      line[i] = new UnivariateDerivative2(x[i], 0, 0);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      // only coordinate i moves along the line; the others stay constants of this pass
      UnivariateDerivative2 constant = line[i];
      line[i] = new UnivariateDerivative2(x[i], 1, 0);
      sum += workload.value(line).getSecondDerivative();
      line[i] = constant;
    }
    return sum;
  }
}
