package dev.collapsar.samples;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * The samples, compiled by the real Maven build, checked against closed forms and the Hipparchus
 * oracle at seeded random points. Tolerances: 1e-12 relative to the size of the terms involved.
 */
class SamplesTest {

  @Test
  void poissonResidualVanishes() {
    for (double[] p : SeededPoints.uniform(1, 50, 2, -1, 1)) {
      double f = Poisson.rhs(p[0], p[1]);
      double scale = 1 + 2 * Math.PI * Math.PI * Math.exp(Math.abs(p[0] * p[1])) * 4;
      Numerics.assertClose(0, Poisson.residual(p[0], p[1]), 0, 1e-12 * scale, "Δu − f at (" + p[0] + ", " + p[1] + ")");
      Numerics.assertClose(f, PoissonOperators.uLaplacian(p[0], p[1]), 1e-12, 1e-12 * scale, "Δu");
    }
  }

  @Test
  void hydrogenLocalKineticEnergyMatchesClosedForm() {
    for (double[] r : SeededPoints.uniform(2, 50, 3, -3, 3)) {
      Numerics.assertClose(Hydrogen.exactLocalKineticEnergy(r), Hydrogen.localKineticEnergy(r), 1e-12,
          1e-12 * (1 + 1 / norm(r)), "−½Δψ/ψ");
      LaplacianResult psi = HydrogenOperators.psiEvaluate(r);
      double n = norm(r);
      Numerics.assertClose(Math.exp(-n), psi.value(), 1e-14, 0, "ψ");
      for (int i = 0; i < 3; i++) {
        Numerics.assertClose(-r[i] / n * Math.exp(-n), psi.gradient(i), 1e-13, 1e-15, "∂ψ/∂r" + i);
      }
    }
  }

  @Test
  void networkLaplacianMatchesOracle() {
    TanhNetwork.Weights w = TanhNetwork.weights(42);
    Oracle oracle = Oracle.of(3, 2, v -> {
      DerivativeStructure out = v[0].getField().getZero().add(w.b3());
      for (int i = 0; i < TanhNetwork.WIDTH; i++) {
        DerivativeStructure s = v[0].getField().getZero().add(w.b2()[i]);
        for (int j = 0; j < TanhNetwork.WIDTH; j++) {
          DerivativeStructure pre = v[0].multiply(w.w1()[j][0]).add(v[1].multiply(w.w1()[j][1]))
              .add(v[2].multiply(w.w1()[j][2])).add(w.b1()[j]);
          s = s.add(pre.tanh().multiply(w.w2()[i][j]));
        }
        out = out.add(s.tanh().multiply(w.w3()[i]));
      }
      return out;
    });
    for (double[] p : SeededPoints.uniform(3, 20, 3, -2, 2)) {
      Numerics.assertClose(oracle.at(p).laplacian(), w.laplacian(p[0], p[1], p[2]), 1e-12, 1e-12, "Δ network");
    }
  }

  @Test
  void noGeneratedMethodExceedsTheJitLimit() throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (String name : new String[] {"PoissonOperators", "HydrogenOperators", "TanhNetworkOperators"}) {
      try (InputStream in = SamplesTest.class.getResourceAsStream(name + ".class")) {
        classes.put("dev.collapsar.samples." + name, in.readAllBytes());
      }
    }
    MethodSizes.assertAllMethodsAtMost(classes, 8000);
  }

  private static double norm(double[] r) {
    return Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
  }
}
