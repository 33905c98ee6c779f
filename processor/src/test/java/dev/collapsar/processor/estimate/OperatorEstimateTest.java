package dev.collapsar.processor.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.DiagnosticAssert;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Randomized {@code @LinearPDE} estimators. With the S = dim vectors √S·eₖ, the estimators of
 * {@code laplacian}, {@code diffusion(S)} and a constant semi-definite part reproduce the exact
 * operator (E[v vᵀ] = I holds exactly for that design); the biharmonic estimator equals
 * (1/(3S))·Σₛ ∂⁴u[vₛ] from the oracle for given vectors; seeded generators give unbiased means
 * (within 5 standard errors); and operators without an unbiased estimator of this kind are errors.
 * Tolerance 1e-11 relative to the terms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorEstimateTest {
  private static final String SOURCE = """
      package est;

      import dev.collapsar.LinearPDE;

      final class Ops {
        @LinearPDE(value = "laplacian + 2*D[x] - u", name = "lap", wrt = {"x", "y"}, samples = 2)
        static double f(double x, double y) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * y);
        }

        @LinearPDE(value = "D[x,x] + D[x,y] + 2*D[y,y]", name = "psd", samples = 2)
        static double g(double x, double y) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * y);
        }

        @LinearPDE(value = "0.5*diffusion(S) + drift(b)", name = "kolmogorov", wrt = "x", dim = 2, samples = 3)
        static double h(double[] x, double[][] S, double[] b) {
          return Math.exp(0.5 * x[0] - x[1] * x[1]) * Math.sin(x[0] + 2 * x[1]);
        }

        @LinearPDE(value = "biharmonic - laplacian", name = "plate", samples = 3)
        static double p(double x, double y) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * y);
        }
      }
      """;

  private Class<?> ops;

  @BeforeAll
  void compile() {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("est.Ops", SOURCE);
    c.assertSucceeded();
    ops = c.load("est.OpsOperators");
  }

  private static DerivativeStructure f(DerivativeStructure[] v) {
    return v[0].multiply(0.5).subtract(v[1].multiply(v[1])).exp().multiply(v[0].add(v[1].multiply(2)).sin());
  }

  private Method method(String name, Class<?>... types) throws Exception {
    Method m = ops.getMethod(name, types);
    m.setAccessible(true);
    return m;
  }

  /** √S·eₖ: with S equal to the vectors' length, (1/S)Σₛ vₛvₛᵀ = I exactly. */
  private static double[][] scaledIdentity(int n, int samples) {
    double[][] v = new double[samples][n];
    for (int s = 0; s < samples; s++) {
      v[s][s] = Math.sqrt(samples);
    }
    return v;
  }

  @Test
  void isotropicDesignsReproduceTheExactOperator() throws Exception {
    Oracle oracle = Oracle.of(2, 4, OperatorEstimateTest::f);
    Method lap = method("lapEstimate", double.class, double.class, double[][].class);
    Method psd = method("psdEstimate", double.class, double.class, double[][].class);
    Method kolmogorov = method("kolmogorovEstimate", double[].class, double[][].class, double[].class, double[][].class);
    double[][] s = {{0.4, -0.3, 0.2}, {0.1, 0.5, -0.6}};
    double[] b = {0.7, -0.2};
    for (double[] p : SeededPoints.uniform(21, 8, 2, -1, 1)) {
      OracleResult r = oracle.at(p);
      double[] h = {r.partial(2, 0), r.partial(1, 1), r.partial(0, 2)};
      double scale = 1 + Math.abs(r.value()) + Math.abs(h[0]) + Math.abs(h[1]) + Math.abs(h[2]) + Math.abs(r.partial(1, 0));
      Numerics.assertClose(h[0] + h[2] + 2 * r.partial(1, 0) - r.value(),
          (double) lap.invoke(null, p[0], p[1], scaledIdentity(2, 2)), 1e-11, 1e-11 * scale, "laplacian + 2∂x − u");
      Numerics.assertClose(h[0] + h[1] + 2 * h[2], (double) psd.invoke(null, p[0], p[1], scaledIdentity(2, 2)),
          1e-11, 1e-11 * scale, "constant semi-definite part");
      double diffusion = 0;
      for (int c = 0; c < 3; c++) {
        diffusion += s[0][c] * s[0][c] * h[0] + 2 * s[0][c] * s[1][c] * h[1] + s[1][c] * s[1][c] * h[2];
      }
      double expected = 0.5 * diffusion + b[0] * r.partial(1, 0) + b[1] * r.partial(0, 1);
      Numerics.assertClose(expected, (double) kolmogorov.invoke(null, p.clone(), s, b, scaledIdentity(3, 3)),
          1e-11, 1e-11 * scale, "½ diffusion(S) + drift(b)");
    }
  }

  @Test
  void biharmonicEstimateIsTheScaledAverageOfFourthDirectionalDerivatives() throws Exception {
    Oracle oracle = Oracle.of(2, 4, OperatorEstimateTest::f);
    Method plate = method("plateEstimate", double.class, double.class, double[][].class);
    SplittableRandom random = new SplittableRandom(5);
    for (double[] p : SeededPoints.uniform(22, 6, 2, -1, 1)) {
      double[][] v = new double[3][2];
      double expected = 0;
      double scale = 1;
      for (int s = 0; s < 3; s++) {
        v[s][0] = random.nextDouble(-2, 2);
        v[s][1] = random.nextDouble(-2, 2);
        double fourth = oracle.directional(p, v[s], 4) / 9;
        double second = oracle.directional(p, v[s], 2) / 3;
        expected += fourth - second;
        scale += Math.abs(fourth) + Math.abs(second);
      }
      Numerics.assertClose(expected, (double) plate.invoke(null, p[0], p[1], v), 1e-11, 1e-11 * scale, "biharmonic − laplacian");
    }
  }

  @Test
  void generatorEstimatesAreUnbiased() throws Exception {
    double[] p = {0.2, -0.3};
    OracleResult r = Oracle.of(2, 4, OperatorEstimateTest::f).at(p);
    double lapExact = r.partial(2, 0) + r.partial(0, 2) + 2 * r.partial(1, 0) - r.value();
    double plateExact = r.partial(4, 0) + 2 * r.partial(2, 2) + r.partial(0, 4) - r.partial(2, 0) - r.partial(0, 2);
    checkMean(method("lapEstimate", double.class, double.class, RandomGenerator.class), lapExact, p, 11);
    checkMean(method("plateEstimate", double.class, double.class, RandomGenerator.class), plateExact, p, 12);
  }

  private static void checkMean(Method m, double exact, double[] p, long seed) throws Exception {
    RandomGenerator generator = new SplittableRandom(seed);
    int calls = 20_000;
    double sum = 0;
    double squares = 0;
    for (int k = 0; k < calls; k++) {
      double e = (double) m.invoke(null, p[0], p[1], generator);
      sum += e;
      squares += e * e;
    }
    double mean = sum / calls;
    double error = Math.sqrt((squares - calls * mean * mean) / (calls - 1) / calls);
    assertTrue(Math.abs(mean - exact) <= 5 * error, m.getName() + ": mean " + mean + " vs " + exact + " (se " + error + ")");
  }

  private static void rejects(String operator, String distribution, String fragment) {
    String source = "package bad;\n\nimport dev.collapsar.*;\n\nfinal class Bad {\n"
        + "  @LinearPDE(value = \"" + operator + "\", samples = 4, distribution = Distribution." + distribution + ")\n"
        + "  static double u(double x, double y) { return x * x * y; }\n}\n";
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).compile("bad.Bad", source);
    DiagnosticAssert.assertSingleError(c, "Collapsar/UnsupportedEstimator", fragment, 6);
  }

  @Test
  void operatorsWithoutAnUnbiasedEstimatorAreErrors() {
    rejects("biharmonic", "RADEMACHER", "no unbiased Rademacher estimator");
    rejects("D[x,x] - D[y,y]", "GAUSSIAN", "indefinite");
    rejects("D[x,x,y]", "GAUSSIAN", "D[x,x,y] has no unbiased estimator");
    rejects("D[x,x,y,y]", "GAUSSIAN", "D[x,x,y,y] has no unbiased estimator");
    rejects("D[x] + u", "GAUSSIAN", "no second- or fourth-order part");
  }
}
