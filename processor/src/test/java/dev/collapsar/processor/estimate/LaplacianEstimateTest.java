package dev.collapsar.processor.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Randomized Laplacians ({@code @Laplacian(samples = S)}): with given directions they equal
 * (1/S)·Σₛ ∂²u[vₛ] from the oracle (1e-12 relative to the terms); with a seeded generator their mean
 * over many calls is within 5 standard errors of the exact Laplacian (deterministic: fixed seeds);
 * Rademacher directions give a smaller variance than Gaussian ones for this function; collapsed and
 * standard modes agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaplacianEstimateTest {
  private static final String SOURCE = """
      package est;

      import dev.collapsar.Distribution;
      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Fields {
        @Laplacian(samples = 4)
        static double g(double x, double y, double z) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * z) + x * y * z;
        }

        @Laplacian(samples = 4, mode = Mode.STANDARD)
        static double gs(double x, double y, double z) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * z) + x * y * z;
        }

        @Laplacian(samples = 4, distribution = Distribution.RADEMACHER)
        static double r(double x, double y, double z) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * z) + x * y * z;
        }
      }
      """;

  private CompiledSources compiled;
  private Class<?> operators;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("est.Fields", SOURCE);
    compiled.assertSucceeded();
    operators = compiled.load("est.FieldsOperators");
  }

  private static DerivativeStructure f(DerivativeStructure[] v) {
    return v[0].multiply(0.5).subtract(v[1].multiply(v[1])).exp().multiply(v[0].add(v[2].multiply(2)).sin())
        .add(v[0].multiply(v[1]).multiply(v[2]));
  }

  private Method method(String name, Class<?> extra) throws Exception {
    Method m = operators.getMethod(name, double.class, double.class, double.class, extra);
    m.setAccessible(true);
    return m;
  }

  @Test
  void givenDirectionsGiveTheAverageDirectionalDerivative() throws Exception {
    Oracle oracle = Oracle.of(3, 2, LaplacianEstimateTest::f);
    SplittableRandom random = new SplittableRandom(3);
    for (String name : new String[] {"gLaplacianEstimate", "gsLaplacianEstimate"}) {
      Method m = method(name, double[][].class);
      for (double[] p : SeededPoints.uniform(8, 6, 3, -1, 1)) {
        double[][] v = new double[4][3];
        double expected = 0;
        double scale = 0;
        for (int s = 0; s < 4; s++) {
          for (int i = 0; i < 3; i++) {
            v[s][i] = random.nextDouble(-2, 2);
          }
          double term = oracle.directional(p, v[s], 2) / 4;
          expected += term;
          scale += Math.abs(term);
        }
        double actual = (double) m.invoke(null, p[0], p[1], p[2], v);
        Numerics.assertClose(expected, actual, 1e-12, 1e-12 * (1 + scale), name);
      }
    }
  }

  @Test
  void collapsedEqualsStandard() throws Exception {
    Method collapsed = method("gLaplacianEstimate", RandomGenerator.class);
    Method standard = method("gsLaplacianEstimate", RandomGenerator.class);
    for (double[] p : SeededPoints.uniform(9, 10, 3, -1, 1)) {
      RandomGenerator g1 = new SplittableRandom(42);
      RandomGenerator g2 = new SplittableRandom(42);
      double a = (double) collapsed.invoke(null, p[0], p[1], p[2], g1);
      double b = (double) standard.invoke(null, p[0], p[1], p[2], g2);
      Numerics.assertClose(b, a, 1e-12, 1e-12 * (1 + Math.abs(b)), "same draws, both modes");
    }
  }

  @Test
  void estimatesAreUnbiasedAndRademacherHasTheSmallerVariance() throws Exception {
    double[] p = {0.3, -0.4, 0.5};
    double exact = Oracle.of(3, 2, LaplacianEstimateTest::f).at(p).laplacian();
    double[] gaussian = moments(method("gLaplacianEstimate", RandomGenerator.class), p, new SplittableRandom(1));
    double[] rademacher = moments(method("rLaplacianEstimate", RandomGenerator.class), p, new SplittableRandom(2));
    System.out.printf("Laplacian %.6f; Gaussian S=4: mean %.6f, variance %.4f; Rademacher S=4: mean %.6f, variance %.4f%n",
        exact, gaussian[0], gaussian[1], rademacher[0], rademacher[1]);
    for (double[] m : new double[][] {gaussian, rademacher}) {
      double standardError = Math.sqrt(m[1] / CALLS);
      assertTrue(Math.abs(m[0] - exact) <= 5 * standardError,
          "mean " + m[0] + " is more than 5 standard errors (" + standardError + ") from " + exact);
    }
    assertTrue(rademacher[1] < gaussian[1], "Rademacher variance " + rademacher[1] + " vs Gaussian " + gaussian[1]);
  }

  private static final int CALLS = 20_000;

  /** Mean and sample variance of CALLS estimates. */
  private static double[] moments(Method m, double[] p, RandomGenerator generator) throws Exception {
    double sum = 0;
    double squares = 0;
    for (int k = 0; k < CALLS; k++) {
      double e = (double) m.invoke(null, p[0], p[1], p[2], generator);
      sum += e;
      squares += e * e;
    }
    double mean = sum / CALLS;
    return new double[] {mean, (squares - CALLS * mean * mean) / (CALLS - 1)};
  }
}
