package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
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
 * {@code @LinearPDE(samples = LinearPDE.RUN_TIME)}: the estimate over however many vectors the caller
 * passes, in passes of 8, equals the oracle's (1/S)·Σₛ of the randomized part plus the exact
 * lower-order terms counted once, for S on both sides of a pass (1e-11 relative to the terms); the
 * generator variant equals the rows variant fed the same draws.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTimeOperatorSamplesTest {
  private static final String SOURCE = """
      package rto;

      import dev.collapsar.LinearPDE;

      final class Ops {
        @LinearPDE(value = "laplacian + 2*D[x] - u", name = "lap", wrt = {"x", "y"}, samples = LinearPDE.RUN_TIME)
        static double f(double x, double y) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * y);
        }

        @LinearPDE(value = "0.5*diffusion(S) + drift(b)", name = "kolmogorov", wrt = "x", dim = 2,
            samples = LinearPDE.RUN_TIME)
        static double h(double[] x, double[][] S, double[] b) {
          return f(x[0], x[1]);
        }

        @LinearPDE(value = "laplacian + 2*D[x] - u", name = "layered", wrt = {"x", "y"}, samples = LinearPDE.RUN_TIME)
        static double g(double x, double y) {
          double[] h = new double[4];
          for (int i = 0; i < h.length; i++) {
            h[i] = Math.tanh(0.3 * i + x * (i + 1) - 0.5 * y * y + Math.sin(x + i * y));
          }
          double out = 0;
          for (int i = 0; i < h.length; i++) {
            out += h[i] * (i + 1);
          }
          return out;
        }

        @LinearPDE(value = "biharmonic - laplacian", name = "plate", samples = LinearPDE.RUN_TIME)
        static double p(double x, double y) {
          return f(x, y);
        }
      }
      """;

  private static final int[] SAMPLES = {1, 3, 8, 9, 17};
  private CompiledSources c;
  private Class<?> ops;

  @BeforeAll
  void compile() {
    c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("rto.Ops", SOURCE);
    c.assertSucceeded();
    ops = c.load("rto.OpsOperators");
  }

  private static DerivativeStructure f(DerivativeStructure[] v) {
    return v[0].multiply(0.5).subtract(v[1].multiply(v[1])).exp().multiply(v[0].add(v[1].multiply(2)).sin());
  }

  private static DerivativeStructure g(DerivativeStructure[] v) {
    DerivativeStructure out = v[0].getField().getZero();
    for (int i = 0; i < 4; i++) {
      out = out.add(v[0].multiply(i + 1).subtract(v[1].multiply(v[1]).multiply(0.5))
          .add(v[0].add(v[1].multiply(i)).sin()).add(0.3 * i).tanh().multiply(i + 1));
    }
    return out;
  }

  private Method method(String name, Class<?>... types) throws Exception {
    Method m = ops.getMethod(name, types);
    m.setAccessible(true);
    return m;
  }

  private static double[][] vectors(RandomGenerator random, int samples, int length) {
    double[][] v = new double[samples][length];
    for (double[] row : v) {
      for (int i = 0; i < length; i++) {
        row[i] = random.nextGaussian();
      }
    }
    return v;
  }

  @Test
  void lowerOrderTermsAreCountedOnce() throws Exception {
    Oracle oracle = Oracle.of(2, 4, RunTimeOperatorSamplesTest::f);
    Method lap = method("lapEstimate", double.class, double.class, double[][].class);
    Method plate = method("plateEstimate", double.class, double.class, double[][].class);
    SplittableRandom random = new SplittableRandom(8);
    for (int samples : SAMPLES) {
      for (double[] p : SeededPoints.uniform(samples, 3, 2, -1, 1)) {
        OracleResult r = oracle.at(p);
        double[][] v = vectors(random, samples, 2);
        double second = 0;
        double fourth = 0;
        double scale = 1 + Math.abs(r.value()) + Math.abs(r.partial(1, 0));
        for (double[] row : v) {
          second += oracle.directional(p, row, 2) / samples;
          fourth += oracle.directional(p, row, 4) / (3 * samples);
          scale += Math.abs(oracle.directional(p, row, 2)) + Math.abs(oracle.directional(p, row, 4));
        }
        Numerics.assertClose(second + 2 * r.partial(1, 0) - r.value(), (double) lap.invoke(null, p[0], p[1], v), 1e-11,
            1e-11 * scale, "laplacian + 2∂x − u, S = " + samples);
        Numerics.assertClose(fourth - second, (double) plate.invoke(null, p[0], p[1], v), 1e-11, 1e-11 * scale,
            "biharmonic − laplacian, S = " + samples);
      }
    }
  }

  @Test
  void aLayerGetsThe32VectorPassWithTheLowerOrderTermsOnce() throws Exception {
    assertTrue(c.generatedSource("rto.OpsOperators").contains("layeredEstimateWideLanes("),
        "a local array: direction loops over 32 vectors while more than 8 remain");
    Oracle oracle = Oracle.of(2, 2, RunTimeOperatorSamplesTest::g);
    Method layered = method("layeredEstimate", double.class, double.class, double[][].class);
    Method drawn = method("layeredEstimate", double.class, double.class, RandomGenerator.class, int.class);
    SplittableRandom random = new SplittableRandom(10);
    for (int samples : new int[] {1, 9, 33, 40}) {
      double[] p = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      OracleResult r = oracle.at(p);
      double[][] v = vectors(random, samples, 2);
      double expected = 2 * r.partial(1, 0) - r.value();
      double scale = 1 + Math.abs(r.value()) + Math.abs(r.partial(1, 0));
      for (double[] row : v) {
        expected += oracle.directional(p, row, 2) / samples;
        scale += Math.abs(oracle.directional(p, row, 2));
      }
      Numerics.assertClose(expected, (double) layered.invoke(null, p[0], p[1], v), 1e-11, 1e-11 * scale,
          "layered laplacian + 2∂x − u, S = " + samples);
      double fromRows = (double) layered.invoke(null, p[0], p[1], vectors(new SplittableRandom(samples), samples, 2));
      assertEquals(fromRows, (double) drawn.invoke(null, p[0], p[1], new SplittableRandom(samples), samples),
          1e-14 * (1 + Math.abs(fromRows)), "drawn in order across 32- and 8-vector blocks, S = " + samples);
    }
  }

  @Test
  void diffusionDirectionsAreTheMatrixTimesTheVectors() throws Exception {
    Oracle oracle = Oracle.of(2, 2, RunTimeOperatorSamplesTest::f);
    Method kolmogorov = method("kolmogorovEstimate", double[].class, double[][].class, double[].class, double[][].class);
    double[][] s = {{0.4, -0.3, 0.2}, {0.1, 0.5, -0.6}};
    double[] b = {0.7, -0.2};
    SplittableRandom random = new SplittableRandom(9);
    for (int samples : SAMPLES) {
      double[] p = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      OracleResult r = oracle.at(p);
      double[][] v = vectors(random, samples, 3);
      double expected = b[0] * r.partial(1, 0) + b[1] * r.partial(0, 1);
      double scale = 1 + Math.abs(expected);
      for (double[] row : v) {
        double[] w = {s[0][0] * row[0] + s[0][1] * row[1] + s[0][2] * row[2],
            s[1][0] * row[0] + s[1][1] * row[1] + s[1][2] * row[2]};
        double term = 0.5 * oracle.directional(p, w, 2) / samples;
        expected += term;
        scale += Math.abs(term);
      }
      Numerics.assertClose(expected, (double) kolmogorov.invoke(null, p, s, b, v), 1e-11, 1e-11 * scale,
          "½ diffusion(S) + drift(b), S = " + samples);
    }
  }

  @Test
  void theGeneratorVariantDrawsWhatTheRowsVariantIsGiven() throws Exception {
    Method rows = method("plateEstimate", double.class, double.class, double[][].class);
    Method drawn = method("plateEstimate", double.class, double.class, RandomGenerator.class, int.class);
    for (int samples : SAMPLES) {
      double expected = (double) rows.invoke(null, 0.3, -0.2, vectors(new SplittableRandom(samples), samples, 2));
      assertEquals(expected, (double) drawn.invoke(null, 0.3, -0.2, new SplittableRandom(samples), samples),
          1e-14 * (1 + Math.abs(expected)), "S = " + samples);
    }
  }
}
