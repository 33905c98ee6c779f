package dev.collapsar.testing;

import java.util.Objects;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Reference derivatives from Hipparchus forward-mode automatic differentiation.
 *
 * <p>A test writes the function a second time against the {@link DerivativeStructure} API; Hipparchus
 * then gives every partial derivative up to the chosen order, to machine precision. This coding is
 * independent of Collapsar's (different library, different algorithm: full multivariate Taylor
 * coefficients rather than collapsed jets), which is what makes it an oracle.
 *
 * <pre>{@code
 * Oracle oracle = Oracle.of(2, 2, x -> x[0].sin().multiply(x[1].exp()));
 * double laplacian = oracle.at(0.3, -1.2).laplacian();
 * }</pre>
 *
 * <p>Cost grows as C(dimension + order, order) coefficients per operation, so keep the order to what
 * the test needs (2 for Laplacians, 4 for biharmonics).
 */
public final class Oracle {

  /** A function of {@code x.length} variables written on derivative structures. */
  @FunctionalInterface
  public interface DsFunction {
    /**
     * Evaluates the function. All arguments share one factory; build constants with
     * {@code x[0].getField().getZero()} or by arithmetic with doubles.
     */
    DerivativeStructure apply(DerivativeStructure[] x);
  }

  private final int dimension;
  private final int order;
  private final DsFunction function;
  private final DSFactory factory;

  private Oracle(int dimension, int order, DsFunction function) {
    this.dimension = dimension;
    this.order = order;
    this.function = function;
    this.factory = new DSFactory(dimension, order);
  }

  /**
   * An oracle for a function of {@code dimension} variables, giving partial derivatives of total
   * order up to {@code order}.
   */
  public static Oracle of(int dimension, int order, DsFunction f) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
    }
    if (order < 0) {
      throw new IllegalArgumentException("order must not be negative, was " + order);
    }
    return new Oracle(dimension, order, Objects.requireNonNull(f, "f"));
  }

  /** The number of variables. */
  public int dimension() {
    return dimension;
  }

  /** The highest total order of the partial derivatives this oracle computes. */
  public int order() {
    return order;
  }

  /** Evaluates the function and all its partials up to {@link #order()} at {@code point}. */
  public OracleResult at(double... point) {
    checkPoint(point);
    DerivativeStructure[] x = new DerivativeStructure[dimension];
    for (int i = 0; i < dimension; i++) {
      x[i] = factory.variable(i, point[i]);
    }
    return new OracleResult(this, point.clone(), function.apply(x));
  }

  /** An estimator's exact value and the scale its rounding error is relative to. */
  public record Average(double value, double scale) {}

  /**
   * (1/S) Σₛ ∂ᵏf(x)[vₛ] over the rows vₛ of {@code directions}: what an estimator along those
   * directions must return, with (1/S) Σₛ |∂ᵏf(x)[vₛ]| as the scale of its rounding error.
   */
  public Average averageDirectional(double[] point, double[][] directions, int k) {
    double value = 0;
    double scale = 0;
    for (double[] row : directions) {
      double term = directional(point, row, k) / directions.length;
      value += term;
      scale += Math.abs(term);
    }
    return new Average(value, scale);
  }

  /**
   * The k-th directional derivative ∂ᵏf(x)[v, …, v] = dᵏ/dtᵏ f(x + t v) at t = 0.
   *
   * <p>Computed by composing with the line t ↦ x + t v and differentiating in the single variable t
   * (a one-variable structure of order k). This does not go through the multivariate partials, so
   * it independently checks them, and it works for any k, even above {@link #order()}.
   */
  public double directional(double[] point, double[] v, int k) {
    checkPoint(point);
    if (v.length != dimension) {
      throw new IllegalArgumentException("direction has " + v.length + " components, expected " + dimension);
    }
    if (k < 0) {
      throw new IllegalArgumentException("derivative order must not be negative, was " + k);
    }
    DSFactory line = new DSFactory(1, k);
    DerivativeStructure t = line.variable(0, 0.0);
    DerivativeStructure[] x = new DerivativeStructure[dimension];
    for (int i = 0; i < dimension; i++) {
      x[i] = t.multiply(v[i]).add(point[i]);
    }
    return function.apply(x).getPartialDerivative(k);
  }

  private void checkPoint(double[] point) {
    if (point.length != dimension) {
      throw new IllegalArgumentException("point has " + point.length + " coordinates, expected " + dimension);
    }
  }
}
