package dev.collapsar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Finite differences against closed forms. Tolerances are absolute, relative to the scale of the
 * function, and about 30 to 50 times the largest error seen over these seeded points with
 * {@link FiniteDifferences#defaultStep}; they are tight enough to tell the second-order Laplacian
 * from the fourth-order one.
 */
class FiniteDifferencesTest {
  /** f = sin x · e^y · cos z, whose Laplacian is −f + f − f = −f. */
  private static final ToDoubleFunction<double[]> F = x -> Math.sin(x[0]) * Math.exp(x[1]) * Math.cos(x[2]);
  /** g = x²y³. */
  private static final ToDoubleFunction<double[]> G = x -> x[0] * x[0] * x[1] * x[1] * x[1];

  @Test
  void defaultStepBalancesTruncationAndRounding() {
    assertEquals(Math.pow(2, -52.0 / 3), FiniteDifferences.defaultStep(1), 1e-20);
    assertEquals(Math.pow(2, -13), FiniteDifferences.defaultStep(2), 0); // ε^(1/4) = 2^-13 exactly
    assertEquals(Math.pow(2, -52.0 / 6), FiniteDifferences.defaultStep(4), 1e-18);
    assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.defaultStep(0));
  }

  @Test
  void gradientLaplacianAndHighOrderLaplacian() {
    for (double[] p : SeededPoints.uniform(7, 50, 3, -1.5, 1.5)) {
      double s = Math.exp(p[1]);
      double f = F.applyAsDouble(p);
      double[] gradient = {Math.cos(p[0]) * s * Math.cos(p[2]), f, -Math.sin(p[0]) * s * Math.sin(p[2])};
      Numerics.assertArrayClose(gradient, FiniteDifferences.gradient(F, p, FiniteDifferences.defaultStep(1)), 0,
          1e-9 * s, "∇f");
      Numerics.assertClose(-f, FiniteDifferences.laplacian(F, p, FiniteDifferences.defaultStep(2)), 0, 2e-6 * s, "Δf");
      Numerics.assertClose(-f, FiniteDifferences.laplacianHighOrder(F, p, FiniteDifferences.defaultStep(4)), 0,
          1e-8 * s, "Δf, fourth order");
    }
  }

  @Test
  void convergenceOrdersAreTwoAndFour() {
    double[] p = {0.3, -0.2, 0.5};
    double exact = -F.applyAsDouble(p);
    double[] low = new double[2];
    double[] high = new double[2];
    for (int i = 0; i < 2; i++) {
      double h = 0.04 / (1 << i);
      low[i] = Math.abs(FiniteDifferences.laplacian(F, p, h) - exact);
      high[i] = Math.abs(FiniteDifferences.laplacianHighOrder(F, p, h) - exact);
    }
    // halving h divides an O(h²) error by 4 and an O(h⁴) error by 16
    Numerics.assertClose(4, low[0] / low[1], 0.05, 0, "error ratio, second order");
    Numerics.assertClose(16, high[0] / high[1], 0.05, 0, "error ratio, fourth order");
  }

  @Test
  void secondDirectionalIsVHV() {
    double[][] points = SeededPoints.uniform(8, 30, 2, -2, 2);
    double[][] directions = SeededPoints.uniform(9, 30, 2, -1, 1);
    for (int i = 0; i < points.length; i++) {
      double x = points[i][0];
      double y = points[i][1];
      double[] v = directions[i];
      double vhv = 2 * y * y * y * v[0] * v[0] + 2 * 6 * x * y * y * v[0] * v[1] + 6 * x * x * y * v[1] * v[1];
      Numerics.assertClose(vhv, FiniteDifferences.secondDirectional(G, points[i], v, FiniteDifferences.defaultStep(2)),
          0, 1e-5, "vᵀHv of x²y³");
    }
  }

  @Test
  void mixedPartialsUpToOrderFour() {
    for (double[] p : SeededPoints.uniform(10, 30, 2, -2, 2)) {
      double x = p[0];
      double y = p[1];
      Numerics.assertClose(2 * x * y * y * y, FiniteDifferences.partial(G, p, new int[] {1, 0},
          FiniteDifferences.defaultStep(1)), 0, 1e-8, "∂x");
      Numerics.assertClose(6 * x * y * y, FiniteDifferences.partial(G, p, new int[] {1, 1},
          FiniteDifferences.defaultStep(2)), 0, 3e-6, "∂x∂y");
      Numerics.assertClose(6 * x * x, FiniteDifferences.partial(G, p, new int[] {0, 3},
          FiniteDifferences.defaultStep(3)), 0, 3e-4, "∂y³");
      Numerics.assertClose(12 * y, FiniteDifferences.partial(G, p, new int[] {2, 2},
          FiniteDifferences.defaultStep(4)), 0, 1e-2, "∂x²∂y²");
      Numerics.assertClose(G.applyAsDouble(p), FiniteDifferences.partial(G, p, new int[] {0, 0}, 0.1), 0, 0, "order 0");
    }
    ToDoubleFunction<double[]> e = v -> Math.exp(v[0] + 0.5 * v[1]);
    for (double[] p : SeededPoints.uniform(11, 30, 2, -1, 1)) {
      double value = e.applyAsDouble(p);
      Numerics.assertClose(value, FiniteDifferences.partial(e, p, new int[] {4, 0}, FiniteDifferences.defaultStep(4)),
          2e-3, 0, "∂x⁴ e^{x+y/2}");
      Numerics.assertClose(value / 8, FiniteDifferences.partial(e, p, new int[] {1, 3}, FiniteDifferences.defaultStep(4)),
          2e-4, 0, "∂x∂y³ e^{x+y/2}");
    }
  }

  @Test
  void rejectsBadOrdersAndDoesNotChangeThePoint() {
    double[] p = {0.5, 0.25};
    assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.partial(G, p, new int[] {5, 0}, 0.01));
    assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.partial(G, p, new int[] {1}, 0.01));
    FiniteDifferences.partial(G, p, new int[] {2, 2}, 0.01);
    FiniteDifferences.laplacianHighOrder(G, p, 0.01);
    FiniteDifferences.secondDirectional(G, p, new double[] {1, 1}, 0.01);
    assertEquals(0.5, p[0]);
    assertEquals(0.25, p[1]);
  }
}
