package dev.collapsar.testing;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Central finite differences: an approximate witness that shares nothing with automatic
 * differentiation, only evaluations of the function.
 *
 * <p>Accuracy: every formula here has a truncation error of order h² (h⁴ for
 * {@link #laplacianHighOrder}) times the size of the next derivatives, plus a rounding error of order
 * ε·|f|/hᵏ for a k-th derivative (ε = 2⁻⁵² ≈ 2.2e-16). {@link #defaultStep} balances the two. With
 * it and an f of moderate size and smoothness, expect about 10 correct digits for gradients, 7–8 for
 * second derivatives, about 10 for {@link #laplacianHighOrder} and 3–5 for fourth derivatives.
 * Compare with a tolerance accordingly; use {@link Oracle} where exactness matters.
 */
public final class FiniteDifferences {
  private FiniteDifferences() {}

  /**
   * Offsets and weights of the central difference for the k-th derivative in one variable, on the
   * smallest symmetric stencil (all of second order accuracy); the result is divided by hᵏ.
   */
  private static final int[][] OFFSETS = {{0}, {-1, 1}, {-1, 0, 1}, {-2, -1, 1, 2}, {-2, -1, 0, 1, 2}};
  private static final double[][] WEIGHTS = {
      {1}, {-0.5, 0.5}, {1, -2, 1}, {-0.5, 1, -1, 0.5}, {1, -4, 6, -4, 1}};

  /**
   * A step for the central difference of a k-th derivative: h = ε^(1/(k+2)). The truncation error is
   * about C₁h² and the rounding error about C₂ε/hᵏ; the sum is smallest near h = ε^(1/(k+2)), where
   * both are about ε^(2/(k+2)). So order 1 gives h ≈ 6e-6, order 2 h ≈ 1.2e-4, order 4 h ≈ 2.5e-3.
   * This assumes coordinates and derivatives of order one; scale h with the problem otherwise.
   */
  public static double defaultStep(int order) {
    if (order < 1) {
      throw new IllegalArgumentException("order must be at least 1, was " + order);
    }
    return Math.pow(Math.ulp(1.0), 1.0 / (order + 2));
  }

  /** ∇f(x) by (f(x + h eᵢ) − f(x − h eᵢ)) / 2h; error O(h²). Suggested h: {@code defaultStep(1)}. */
  public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      g[i] = (at(f, x, i, h) - at(f, x, i, -h)) / (2 * h);
    }
    return g;
  }

  /**
   * Δf(x) by the standard (2d+1)-point stencil Σᵢ (f(x + h eᵢ) − 2f(x) + f(x − h eᵢ)) / h²; error
   * O(h²). Suggested h: {@code defaultStep(2)}, giving about 7–8 correct digits.
   */
  public static double laplacian(ToDoubleFunction<double[]> f, double[] x, double h) {
    double center = f.applyAsDouble(x.clone());
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += at(f, x, i, h) - 2 * center + at(f, x, i, -h);
    }
    return sum / (h * h);
  }

  /**
   * Δf(x) with the fourth-order five-point stencil per axis,
   * Σᵢ (−f(x+2h) + 16f(x+h) − 30f(x) + 16f(x−h) − f(x−2h)) / 12h²; error O(h⁴). The best step is
   * near ε^(1/6) ≈ 2.5e-3 ({@code defaultStep(4)}), which gives about 10 correct digits.
   */
  public static double laplacianHighOrder(ToDoubleFunction<double[]> f, double[] x, double h) {
    double center = f.applyAsDouble(x.clone());
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += -at(f, x, i, 2 * h) + 16 * at(f, x, i, h) - 30 * center + 16 * at(f, x, i, -h) - at(f, x, i, -2 * h);
    }
    return sum / (12 * h * h);
  }

  /**
   * The second directional derivative ∂²f(x)[v, v] = vᵀ∇²f(x) v, by
   * (f(x + h v) − 2f(x) + f(x − h v)) / h²; error O(h²·|v|⁴). Suggested h: {@code defaultStep(2)}
   * for |v| ≈ 1.
   */
  public static double secondDirectional(ToDoubleFunction<double[]> f, double[] x, double[] v, double h) {
    double plus = f.applyAsDouble(along(x, v, h));
    double minus = f.applyAsDouble(along(x, v, -h));
    return (plus - 2 * f.applyAsDouble(x.clone()) + minus) / (h * h);
  }

  /**
   * A mixed partial derivative, {@code orders[i]} times in variable i (each at most 4), by the tensor
   * product of one-dimensional central differences (the k-th difference divided by hᵏ, on 1, 2, 3, 4
   * or 5 points). Error O(h²); rounding grows like ε/h^(total order), so use
   * {@code defaultStep(total order)} and expect 3–5 digits for fourth derivatives.
   */
  public static double partial(ToDoubleFunction<double[]> f, double[] x, int[] orders, double h) {
    if (orders.length != x.length) {
      throw new IllegalArgumentException("give one order per variable (" + x.length + "), got "
          + Arrays.toString(orders));
    }
    int total = 0;
    for (int k : orders) {
      if (k < 0 || k >= OFFSETS.length) {
        throw new IllegalArgumentException("orders must be 0..4, got " + Arrays.toString(orders));
      }
      total += k;
    }
    return stencil(f, x.clone(), orders, h, 0) / Math.pow(h, total);
  }

  /** Applies the one-dimensional stencils of variables axis, axis+1, … to f around x (mutated, restored). */
  private static double stencil(ToDoubleFunction<double[]> f, double[] x, int[] orders, double h, int axis) {
    if (axis == x.length) {
      return f.applyAsDouble(x.clone());
    }
    int k = orders[axis];
    double original = x[axis];
    double sum = 0;
    for (int s = 0; s < OFFSETS[k].length; s++) {
      x[axis] = original + OFFSETS[k][s] * h;
      sum += WEIGHTS[k][s] * stencil(f, x, orders, h, axis + 1);
    }
    x[axis] = original;
    return sum;
  }

  /** f at x with coordinate i moved by delta; x itself is not changed. */
  private static double at(ToDoubleFunction<double[]> f, double[] x, int i, double delta) {
    double[] moved = x.clone();
    moved[i] += delta;
    return f.applyAsDouble(moved);
  }

  private static double[] along(double[] x, double[] v, double t) {
    double[] moved = x.clone();
    for (int i = 0; i < x.length; i++) {
      moved[i] += t * v[i];
    }
    return moved;
  }
}
