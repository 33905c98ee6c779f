package dev.collapsar.testing;

import java.util.Arrays;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The value and partial derivatives of an {@link Oracle}'s function at one point, with the usual
 * operators assembled from them.
 */
public final class OracleResult {
  private final Oracle oracle;
  private final double[] point;
  private final DerivativeStructure result;

  OracleResult(Oracle oracle, double[] point, DerivativeStructure result) {
    this.oracle = oracle;
    this.point = point;
    this.result = result;
  }

  /** The point, a copy. */
  public double[] point() {
    return point.clone();
  }

  /** f(x). */
  public double value() {
    return result.getValue();
  }

  /** ∇f(x): the first partials, one per variable. Needs order ≥ 1. */
  public double[] gradient() {
    requireOrder(1, "the gradient");
    double[] g = new double[oracle.dimension()];
    for (int i = 0; i < g.length; i++) {
      g[i] = partial(unit(i, 1));
    }
    return g;
  }

  /** The Hessian matrix ∂²f/∂xᵢ∂xⱼ. Needs order ≥ 2. */
  public double[][] hessian() {
    requireOrder(2, "the Hessian");
    int n = oracle.dimension();
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int[] orders = new int[n];
        orders[i]++;
        orders[j]++;
        h[i][j] = partial(orders);
      }
    }
    return h;
  }

  /**
   * A partial derivative given by the order in each variable: {@code partial(2, 0)} is ∂²f/∂x₀²,
   * {@code partial(1, 1)} is ∂²f/∂x₀∂x₁. The total order must not exceed the oracle's order.
   */
  public double partial(int... derivativeOrders) {
    if (derivativeOrders.length != oracle.dimension()) {
      throw new IllegalArgumentException("give one order per variable (" + oracle.dimension() + "), got "
          + Arrays.toString(derivativeOrders));
    }
    int total = 0;
    for (int k : derivativeOrders) {
      if (k < 0) {
        throw new IllegalArgumentException("negative order in " + Arrays.toString(derivativeOrders));
      }
      total += k;
    }
    requireOrder(total, "partial " + Arrays.toString(derivativeOrders));
    return result.getPartialDerivative(derivativeOrders);
  }

  /** Δf = Σᵢ ∂²f/∂xᵢ². Needs order ≥ 2. */
  public double laplacian() {
    requireOrder(2, "the Laplacian");
    double sum = 0;
    for (int i = 0; i < oracle.dimension(); i++) {
      sum += partial(unit(i, 2));
    }
    return sum;
  }

  /** Δ²f = Σ_{a,b} ∂⁴f/∂xₐ²∂x_b². Needs order ≥ 4. */
  public double biharmonic() {
    requireOrder(4, "the biharmonic");
    int n = oracle.dimension();
    double sum = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        int[] orders = new int[n];
        orders[a] += 2;
        orders[b] += 2;
        sum += partial(orders);
      }
    }
    return sum;
  }

  /**
   * The size of the terms a Laplacian is a sum of, 1 + |f| + |∇f|₁ + Σᵢ|∂ᵢᵢf|: rounding can only be
   * resolved relative to it, where the terms cancel. Needs order ≥ 2.
   */
  public double laplacianScale() {
    double scale = 1 + Math.abs(value());
    for (int i = 0; i < oracle.dimension(); i++) {
      scale += Math.abs(partial(unit(i, 1))) + Math.abs(partial(unit(i, 2)));
    }
    return scale;
  }

  /**
   * Asserts that a generated value, gradient and Laplacian match this result within
   * {@code tolerance} × {@link #laplacianScale()} each; {@code what} names the function.
   */
  public void assertLaplacianMatches(double value, double[] gradient, double laplacian, double tolerance, String what) {
    double allowed = tolerance * laplacianScale();
    Numerics.assertClose(value(), value, tolerance, allowed, what + " value");
    Numerics.assertArrayClose(gradient(), gradient, tolerance, allowed, what + " ∇");
    Numerics.assertClose(laplacian(), laplacian, tolerance, allowed, what + " Δ");
  }

  /**
   * ∂ᵏf(x)[v, …, v], the k-th derivative of t ↦ f(x + t v) at 0; see
   * {@link Oracle#directional(double[], double[], int)}, which this delegates to. Not limited by the
   * oracle's order.
   */
  public double directional(double[] v, int k) {
    return oracle.directional(point, v, k);
  }

  private int[] unit(int variable, int order) {
    int[] orders = new int[oracle.dimension()];
    orders[variable] = order;
    return orders;
  }

  private void requireOrder(int needed, String what) {
    if (oracle.order() < needed) {
      throw new IllegalArgumentException(what + " needs an oracle of order " + needed + ", this one has order "
          + oracle.order());
    }
  }

  @Override
  public String toString() {
    return "OracleResult" + Arrays.toString(point) + " = " + value();
  }
}
