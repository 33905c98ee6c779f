package dev.collapsar.samples;

import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.SeededPoints;
import org.junit.jupiter.api.Test;

/**
 * The {@code @LinearPDE} samples against closed forms at seeded random points. Each residual is
 * compared with zero (or a hand-derived value) to 1e-12 relative to the size of its terms.
 */
class PdesTest {

  @Test
  void heatKernelSolvesTheHeatEquation() {
    for (double[] p : SeededPoints.uniform(1, 50, 2, 0.2, 2)) {
      double t = p[0];
      double x = p[1] - 1;
      double u = Pdes.heatKernel(t, x);
      double scale = u * (1 / t + x * x / (t * t) + 1);
      Numerics.assertClose(0, PdesOperators.heatResidual(t, x), 0, 1e-12 * scale, "u_t − ½u_xx");
    }
  }

  @Test
  void powerContractSolvesBlackScholes() {
    for (double[] p : SeededPoints.uniform(2, 50, 5, 0, 1)) {
      double t = p[0];
      double s = 50 + 100 * p[1];
      double sigma = 0.1 + 0.4 * p[2];
      double r = 0.05 * p[3];
      double maturity = 1 + p[4];
      double v = Pdes.powerContract(t, s, sigma, r, maturity);
      Numerics.assertClose(0, PdesOperators.blackScholes(t, s, sigma, r, maturity), 0, 1e-12 * v * 4,
          "Black–Scholes residual");
    }
  }

  @Test
  void ornsteinUhlenbeckGeneratorMatchesClosedForm() {
    double theta = 0.7;
    for (double[] p : SeededPoints.uniform(3, 30, 3 + 6, -1.5, 1.5)) {
      double[] x = {p[0], p[1], p[2]};
      double[][] s = {{p[3], p[4]}, {p[5], p[6]}, {p[7], p[8]}}; // 3 × 2: R = 2 noise sources
      double[] b = {-theta * x[0], -theta * x[1], -theta * x[2]};
      double u = Pdes.gaussian(x, s, b);
      // ∇u = −x u, ∇²u = (x xᵀ − I) u, so L u = ½ Σ_r (s_r·x)² − |s_r|²) u + b·(−x) u.
      double diffusion = 0;
      for (int r = 0; r < 2; r++) {
        double sx = s[0][r] * x[0] + s[1][r] * x[1] + s[2][r] * x[2];
        double ss = s[0][r] * s[0][r] + s[1][r] * s[1][r] + s[2][r] * s[2][r];
        diffusion += sx * sx - ss;
      }
      double drift = -(b[0] * x[0] + b[1] * x[1] + b[2] * x[2]);
      double expected = (0.5 * diffusion + drift) * u;
      Numerics.assertClose(expected, PdesOperators.ouGenerator(x, s, b), 1e-12, 1e-12 * 10 * u, "OU generator");
    }
  }

  @Test
  void plateBiharmonicIsFourPiToTheFourTimesDeflection() {
    double pi4 = Math.pow(Math.PI, 4);
    for (double[] p : SeededPoints.uniform(4, 50, 2, 0, 1)) {
      double w = Pdes.plate(p[0], p[1]);
      Numerics.assertClose(4 * pi4 * w, PdesOperators.plateLoad(p[0], p[1]), 1e-12, 1e-12 * 8 * pi4,
          "Δ²w at (" + p[0] + ", " + p[1] + ")");
    }
  }

  @Test
  void sineWaveSolvesLinearKdv() {
    for (double[] p : SeededPoints.uniform(5, 50, 2, -3, 3)) {
      Numerics.assertClose(0, PdesOperators.kdvResidual(p[0], p[1]), 0, 1e-14, "u_t + u_xxx");
    }
  }
}
