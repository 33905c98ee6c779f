package dev.collapsar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * The oracle against closed forms at seeded random points. Hipparchus works to machine precision, so
 * the tolerance is 1e-12 relative plus 1e-12 times the size of the terms that cancel.
 */
class OracleTest {
  private static final double TOL = 1e-12;

  @Test
  void harmonicSinTimesExp() {
    // Δ(sin x · e^y) = −sin x e^y + sin x e^y = 0
    Oracle oracle = Oracle.of(2, 2, v -> v[0].sin().multiply(v[1].exp()));
    for (double[] p : SeededPoints.uniform(1, 20, 2, -2, 2)) {
      OracleResult r = oracle.at(p);
      double scale = Math.exp(p[1]);
      Numerics.assertClose(Math.sin(p[0]) * scale, r.value(), TOL, 0, "value");
      Numerics.assertArrayClose(new double[] {Math.cos(p[0]) * scale, Math.sin(p[0]) * scale}, r.gradient(), TOL,
          TOL * scale, "gradient");
      Numerics.assertClose(0, r.laplacian(), 0, TOL * scale, "Δ");
    }
  }

  @Test
  void polynomialPartialsUpToOrderFour() {
    Oracle oracle = Oracle.of(2, 4, v -> v[0].pow(2).multiply(v[1].pow(3)));
    for (double[] p : SeededPoints.uniform(2, 20, 2, -2, 2)) {
      double x = p[0];
      double y = p[1];
      OracleResult r = oracle.at(p);
      double scale = 1 + Math.abs(x * x * y * y * y);
      Numerics.assertClose(x * x * y * y * y, r.value(), TOL, TOL, "x²y³");
      Numerics.assertArrayClose(new double[] {2 * x * y * y * y, 3 * x * x * y * y}, r.gradient(), TOL, TOL * scale,
          "∇");
      Numerics.assertClose(6 * x * y * y, r.partial(1, 1), TOL, TOL * scale, "∂x∂y");
      Numerics.assertClose(2 * y * y * y + 6 * x * x * y, r.laplacian(), TOL, TOL * scale, "Δ");
      Numerics.assertClose(6 * x * x, r.partial(0, 3), TOL, TOL * scale, "∂y³");
      Numerics.assertClose(12 * y, r.partial(2, 2), TOL, TOL * scale, "∂x²∂y²");
      Numerics.assertClose(0, r.partial(4, 0), 0, TOL * scale, "∂x⁴");
      // Δ² = ∂x⁴ + 2 ∂x²∂y² + ∂y⁴ = 0 + 24y + 0
      Numerics.assertClose(24 * y, r.biharmonic(), TOL, TOL * scale, "Δ²");
      double[][] h = r.hessian();
      Numerics.assertArrayClose(new double[] {2 * y * y * y, 6 * x * y * y}, h[0], TOL, TOL * scale, "H row 0");
      Numerics.assertArrayClose(new double[] {6 * x * y * y, 6 * x * x * y}, h[1], TOL, TOL * scale, "H row 1");
    }
  }

  @Test
  void radialExponentialInThreeDimensions() {
    // u = e^{−r}: ∇u = −e^{−r} x / r and Δu = u'' + (2/r) u' = e^{−r} (1 − 2/r)
    Oracle oracle = Oracle.of(3, 2, v -> norm(v).negate().exp());
    for (double[] p : SeededPoints.uniform(3, 20, 3, 0.2, 2)) {
      double r = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
      double u = Math.exp(-r);
      OracleResult result = oracle.at(p);
      Numerics.assertArrayClose(new double[] {-u * p[0] / r, -u * p[1] / r, -u * p[2] / r}, result.gradient(), TOL,
          TOL, "∇e^{-r}");
      Numerics.assertClose(u * (1 - 2 / r), result.laplacian(), TOL, TOL * (1 + 2 / r), "Δe^{-r}");
    }
  }

  @Test
  void biharmonicOfRToTheFourthIsConstant() {
    // In 3D, Δ r^p = p (p + 1) r^{p−2}: Δ r⁴ = 20 r², Δ² r⁴ = 20 · 6 = 120
    Oracle oracle = Oracle.of(3, 4, v -> {
      DerivativeStructure r2 = v[0].square().add(v[1].square()).add(v[2].square());
      return r2.square();
    });
    for (double[] p : SeededPoints.uniform(4, 10, 3, -1.5, 1.5)) {
      double r2 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
      OracleResult result = oracle.at(p);
      Numerics.assertClose(20 * r2, result.laplacian(), TOL, TOL, "Δr⁴");
      Numerics.assertClose(120, result.biharmonic(), TOL, 0, "Δ²r⁴");
    }
  }

  @Test
  void directionalDerivativesOfAnExponential() {
    // f = exp(a·x): ∂ᵏf[v, …, v] = (a·v)ᵏ f, for every k, regardless of the oracle's order (here 2)
    double[] a = {0.7, -0.4, 0.3};
    Oracle oracle = Oracle.of(3, 2, v -> v[0].multiply(a[0]).add(v[1].multiply(a[1])).add(v[2].multiply(a[2])).exp());
    double[][] points = SeededPoints.uniform(5, 8, 3, -1, 1);
    double[][] directions = SeededPoints.uniform(6, 8, 3, -1, 1);
    for (int i = 0; i < points.length; i++) {
      double[] p = points[i];
      double[] v = directions[i];
      OracleResult result = oracle.at(p);
      double av = a[0] * v[0] + a[1] * v[1] + a[2] * v[2];
      for (int k = 0; k <= 6; k++) {
        Numerics.assertClose(Math.pow(av, k) * result.value(), result.directional(v, k), TOL, TOL * result.value(),
            "∂^" + k + " along v");
      }
      // and the second one agrees with vᵀ H v from the multivariate partials
      double[][] h = result.hessian();
      double vhv = 0;
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          vhv += v[r] * h[r][c] * v[c];
        }
      }
      Numerics.assertClose(vhv, result.directional(v, 2), TOL, TOL * result.value(), "vᵀHv");
    }
  }

  @Test
  void rejectsRequestsBeyondItsOrderOrDimension() {
    Oracle oracle = Oracle.of(2, 2, v -> v[0].multiply(v[1]));
    OracleResult r = oracle.at(1, 2);
    assertEquals(1.0, r.partial(1, 1));
    assertEquals(0.0, r.partial(2, 0));
    assertThrows(IllegalArgumentException.class, r::biharmonic);
    assertThrows(IllegalArgumentException.class, () -> r.partial(2, 1));
    assertThrows(IllegalArgumentException.class, () -> r.partial(1));
    assertThrows(IllegalArgumentException.class, () -> r.partial(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> oracle.at(1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> r.directional(new double[] {1}, 1));
    assertThrows(IllegalArgumentException.class, () -> Oracle.of(0, 2, v -> v[0]));
    assertThrows(IllegalArgumentException.class, () -> Oracle.of(2, 0, v -> v[0]).at(1, 2).gradient());
  }

  private static DerivativeStructure norm(DerivativeStructure[] v) {
    return v[0].square().add(v[1].square()).add(v[2].square()).sqrt();
  }
}
