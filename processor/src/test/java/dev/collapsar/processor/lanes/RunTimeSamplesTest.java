package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Estimators whose number of samples ({@code samples = Laplacian.RUN_TIME}) or dimension ({@code dim}
 * omitted) is chosen by the caller: with given directions they equal (1/S)·Σₛ ∂²u[vₛ] from the
 * oracle (1e-12 relative to the terms) for S on both sides of the 8-direction pass (and, for a
 * method with a local array, of the 32-direction pass of direction loops, S = 33, 40); the generator
 * variant equals the rows variant fed the same draws, whatever the blocks; estimates are unbiased (mean of 4000 within 5
 * standard errors, fixed seeds); bad directions are rejected with a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTimeSamplesTest {
  private static final String SOURCE = """
      package rs;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Fields {
        @Laplacian(samples = Laplacian.RUN_TIME)
        static double g(double x, double y, double z) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * z) + x * y * z;
        }

        @Laplacian(samples = Laplacian.RUN_TIME, mode = Mode.STANDARD)
        static double gs(double x, double y, double z) {
          return g(x, y, z);
        }

        @Laplacian(samples = Laplacian.RUN_TIME)
        static double h(double[] p) {
          return g(p[0], p[1], p[2]);
        }

        @Laplacian(samples = 3)
        static double k(double[] p) {
          return g(p[0], p[1], p[2]);
        }

        @Laplacian(samples = Laplacian.RUN_TIME)
        static double n(double[] p) {
          double[] h = new double[4];
          for (int i = 0; i < h.length; i++) {
            h[i] = Math.tanh(0.3 * i + p[0] * (i + 1) - p[1] * p[2] * 0.5 + Math.sin(p[0] + i * p[2]));
          }
          double out = 0;
          for (int i = 0; i < h.length; i++) {
            out += h[i] * h[i] * (i + 1);
          }
          return out;
        }
      }
      """;

  private CompiledSources compiled;
  private Class<?> operators;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("rs.Fields", SOURCE);
    compiled.assertSucceeded();
    operators = compiled.load("rs.FieldsOperators");
  }

  private static DerivativeStructure f(DerivativeStructure[] v) {
    return v[0].multiply(0.5).subtract(v[1].multiply(v[1])).exp().multiply(v[0].add(v[2].multiply(2)).sin())
        .add(v[0].multiply(v[1]).multiply(v[2]));
  }

  private static DerivativeStructure n(DerivativeStructure[] v) {
    DerivativeStructure out = v[0].getField().getZero();
    for (int i = 0; i < 4; i++) {
      DerivativeStructure h = v[0].multiply(i + 1).subtract(v[1].multiply(v[2]).multiply(0.5))
          .add(v[0].add(v[2].multiply(i)).sin()).add(0.3 * i).tanh();
      out = out.add(h.multiply(h).multiply(i + 1));
    }
    return out;
  }

  private Method method(String name, Class<?>... parameters) throws NoSuchMethodException {
    Method m = operators.getMethod(name, parameters);
    m.setAccessible(true);
    return m;
  }

  /** The estimate at p from the named variant, over the rows of v. */
  private double fromRows(String name, double[] p, double[][] v) throws Exception {
    if (name.equals("h") || name.equals("k") || name.equals("n")) {
      return (double) method(name + "LaplacianEstimate", double[].class, double[][].class).invoke(null, p, v);
    }
    return (double) method(name + "LaplacianEstimate", double.class, double.class, double.class, double[][].class)
        .invoke(null, p[0], p[1], p[2], v);
  }

  private static double[][] directions(RandomGenerator random, int samples) {
    double[][] v = new double[samples][3];
    for (double[] row : v) {
      for (int i = 0; i < 3; i++) {
        row[i] = random.nextGaussian();
      }
    }
    return v;
  }

  @Test
  void givenDirectionsGiveTheAverageDirectionalDerivative() throws Exception {
    Oracle oracle = Oracle.of(3, 2, RunTimeSamplesTest::f);
    SplittableRandom random = new SplittableRandom(5);
    for (String name : new String[] {"g", "gs", "h", "k"}) {
      for (int samples : name.equals("k") ? new int[] {3} : new int[] {1, 5, 8, 9, 20}) {
        for (double[] p : SeededPoints.uniform(samples, 3, 3, -1, 1)) {
          double[][] v = directions(random, samples);
          Oracle.Average expected = oracle.averageDirectional(p, v, 2);
          Numerics.assertClose(expected.value(), fromRows(name, p, v), 1e-12, 1e-12 * (1 + expected.scale()),
              name + ", S = " + samples);
        }
      }
    }
  }

  @Test
  void aLayerGetsThe32DirectionPassToo() throws Exception {
    assertTrue(compiled.generatedSource("rs.FieldsOperators").contains("nLaplacianEstimateWideLanes("),
        "a local array: direction loops over 32 lanes while more than 8 directions remain");
    assertTrue(!compiled.generatedSource("rs.FieldsOperators").contains("gLaplacianEstimateWideLanes("),
        "scalar code: 8 straight-line lanes per pass only");
    Oracle oracle = Oracle.of(3, 2, RunTimeSamplesTest::n);
    SplittableRandom random = new SplittableRandom(6);
    for (int samples : new int[] {1, 9, 33, 40}) {
      for (double[] p : SeededPoints.uniform(samples, 2, 3, -1, 1)) {
        double[][] v = directions(random, samples);
        Oracle.Average expected = oracle.averageDirectional(p, v, 2);
        Numerics.assertClose(expected.value(), fromRows("n", p, v), 1e-12, 1e-12 * (1 + expected.scale()),
            "n, S = " + samples);
      }
    }
    Method drawn = method("nLaplacianEstimate", double[].class, RandomGenerator.class, int.class);
    double[] p = {0.2, -0.3, 0.7};
    double expected = fromRows("n", p, directions(new SplittableRandom(40), 40));
    assertEquals(expected, (double) drawn.invoke(null, p, new SplittableRandom(40), 40),
        1e-14 * (1 + Math.abs(expected)), "drawn in a 32- and an 8-direction block, in order");
  }

  @Test
  void theGeneratorVariantDrawsWhatTheRowsVariantIsGiven() throws Exception {
    Method drawn = method("gLaplacianEstimate", double.class, double.class, double.class, RandomGenerator.class,
        int.class);
    Method drawnArray = method("hLaplacianEstimate", double[].class, RandomGenerator.class, int.class);
    Method drawnFixed = method("kLaplacianEstimate", double[].class, RandomGenerator.class);
    double[] p = {0.2, -0.3, 0.7};
    for (int samples : new int[] {1, 7, 8, 17}) {
      double expected = fromRows("g", p, directions(new SplittableRandom(samples), samples));
      assertEquals(expected, (double) drawn.invoke(null, p[0], p[1], p[2], new SplittableRandom(samples), samples),
          1e-14 * (1 + Math.abs(expected)), "S = " + samples);
      assertEquals(expected, (double) drawnArray.invoke(null, p, new SplittableRandom(samples), samples),
          1e-14 * (1 + Math.abs(expected)), "run-time D, S = " + samples);
    }
    double expected = fromRows("k", p, directions(new SplittableRandom(3), 3));
    assertEquals(expected, (double) drawnFixed.invoke(null, p, new SplittableRandom(3)), 1e-14 * (1 + Math.abs(expected)));
  }

  @Test
  void estimatesAreUnbiased() throws Exception {
    Method drawn = method("gLaplacianEstimate", double.class, double.class, double.class, RandomGenerator.class,
        int.class);
    double[] p = {0.3, -0.4, 0.5};
    double exact = Oracle.of(3, 2, RunTimeSamplesTest::f).at(p).laplacian();
    RandomGenerator generator = new SplittableRandom(11);
    int calls = 4000;
    double sum = 0;
    double squares = 0;
    for (int c = 0; c < calls; c++) {
      double e = (double) drawn.invoke(null, p[0], p[1], p[2], generator, 4);
      sum += e;
      squares += e * e;
    }
    double mean = sum / calls;
    double standardError = Math.sqrt((squares - calls * mean * mean) / (calls - 1) / calls);
    assertTrue(Math.abs(mean - exact) <= 5 * standardError,
        "mean " + mean + " is more than 5 standard errors (" + standardError + ") from " + exact);
  }

  @Test
  void badDirectionsAreRejected() throws Exception {
    double[] p = {0.1, 0.2, 0.3};
    assertEquals("an estimate needs at least one direction, has 0", cause(() -> fromRows("g", p, new double[0][])));
    assertEquals("direction 1 needs length 3, has 2", cause(() -> fromRows("h", p, new double[][] {{1, 0, 0}, {1, 0}})));
    assertEquals("v needs 3 rows, has 2", cause(() -> fromRows("k", p, new double[2][3])));
  }

  private interface Call {
    void run() throws Exception;
  }

  private static String cause(Call call) {
    InvocationTargetException e = assertThrows(InvocationTargetException.class, call::run);
    return e.getCause().getMessage();
  }
}
