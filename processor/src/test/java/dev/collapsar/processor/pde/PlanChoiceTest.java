package dev.collapsar.processor.pde;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.DiagnosticAssert;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every plan the planner can be pinned to (processor options) is exact end to end: the biharmonic
 * with the D² plan and with the reference plan, and a constant second-order operator with
 * polarization and with the eigen-decomposition, in both modes, against Hipparchus at order 4.
 * Tolerance 1e-10 relative to the size of the terms.
 */
class PlanChoiceTest {
  private static final String SOURCE = """
      package plans;

      import dev.collapsar.LinearPDE;
      import dev.collapsar.Mode;

      final class Plans {
        @LinearPDE(value = "biharmonic", wrt = {"x", "y", "z"})
        static double b(double x, double y, double z) {
          return Math.exp(0.3 * x - 0.2 * y) * Math.sin(x * y + z) + x * x * y * z;
        }

        @LinearPDE(value = "biharmonic", wrt = {"x", "y", "z"}, mode = Mode.STANDARD)
        static double bs(double x, double y, double z) {
          return Math.exp(0.3 * x - 0.2 * y) * Math.sin(x * y + z) + x * x * y * z;
        }

        @LinearPDE(value = "D[x,x] + 2*D[x,y] + 3*D[y,y] - D[y,z] + 0.5*D[z,z]", wrt = {"x", "y", "z"})
        static double c(double x, double y, double z) {
          return Math.exp(0.3 * x - 0.2 * y) * Math.sin(x * y + z) + x * x * y * z;
        }
      }
      """;

  private static DerivativeStructure f(DerivativeStructure[] v) {
    return v[0].multiply(0.3).subtract(v[1].multiply(0.2)).exp().multiply(v[0].multiply(v[1]).add(v[2]).sin())
        .add(v[0].multiply(v[0]).multiply(v[1]).multiply(v[2]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SPARSE_D2", "REFERENCE"})
  void biharmonicPlansAreExact(String plan) throws Exception {
    CompiledSources c = compile("-Acollapsar.plan.biharmonic=" + plan);
    for (String method : new String[] {"bOperator", "bsOperator"}) {
      check(c, method, r -> {
        double sum = 0;
        double scale = 0;
        for (int a = 0; a < 3; a++) {
          for (int b = 0; b < 3; b++) {
            int[] alpha = new int[3];
            alpha[a] += 2;
            alpha[b] += 2;
            sum += r.partial(alpha);
            scale += Math.abs(r.partial(alpha));
          }
        }
        return new double[] {sum, scale};
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"POLARIZATION", "EIGEN", "AUTO"})
  void secondOrderPlansAreExact(String plan) throws Exception {
    CompiledSources c = compile("-Acollapsar.plan.secondOrder=" + plan);
    check(c, "cOperator", r -> {
      double[] terms = {r.partial(2, 0, 0), 2 * r.partial(1, 1, 0), 3 * r.partial(0, 2, 0), -r.partial(0, 1, 1),
          0.5 * r.partial(0, 0, 2)};
      double sum = 0;
      double scale = 0;
      for (double t : terms) {
        sum += t;
        scale += Math.abs(t);
      }
      return new double[] {sum, scale};
    });
  }

  @Test
  void anUnknownPlanIsAClearError() {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Acollapsar.plan.biharmonic=FAST")
        .compile("plans.Plans", SOURCE);
    DiagnosticAssert.assertError(c, "Collapsar/BadOption", "-Acollapsar.plan.biharmonic=FAST", 8);
    DiagnosticAssert.assertError(c, "Collapsar/BadOption", "Hint: Use one of", 8);
  }

  private static CompiledSources compile(String option) {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror", option)
        .compile("plans.Plans", SOURCE);
    c.assertSucceeded();
    return c;
  }

  private static void check(CompiledSources c, String name, java.util.function.Function<OracleResult, double[]> expected)
      throws Exception {
    Method m = c.load("plans.PlansOperators").getMethod(name, double.class, double.class, double.class);
    m.setAccessible(true);
    Oracle oracle = Oracle.of(3, 4, PlanChoiceTest::f);
    for (double[] p : SeededPoints.uniform(17, 8, 3, -1, 1)) {
      double[] e = expected.apply(oracle.at(p));
      double actual = (double) m.invoke(null, p[0], p[1], p[2]);
      Numerics.assertClose(e[0], actual, 1e-10, 1e-10 * (1 + e[1]), name);
    }
  }
}
