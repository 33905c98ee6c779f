package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.Allocation;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
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
 * Every public point operator returning a double has {@code <name>Batch}: coordinates as one entry (a
 * row for an array) per point, the other parameters shared, results into {@code out}. Each batch equals
 * its point method called point by point, bit for bit (with 7 points, fewer than two thirds of a batch
 * kernel's block, it calls it; {@link BatchKernelTest} runs blocks), and so the Hipparchus oracle to
 * 1e-12 of the terms; a number of points that differs from {@code out.length} is an
 * IllegalArgumentException naming the parameter; a warm batch call allocates nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchVariantsTest {
  private static final String SOURCE = """
      package batch;

      import dev.collapsar.Distribution;
      import dev.collapsar.Laplacian;
      import dev.collapsar.LinearPDE;

      final class Fields {
        @Laplacian(samples = 4, distribution = Distribution.RADEMACHER)
        static double u(double x, double y) {
          return Math.sin(x) * Math.exp(y) + x * x * y;
        }

        @Laplacian(wrt = "x")
        static double net(double[] x, double[] w) {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += w[i] * Math.tanh(x[i]);
          }
          return s * s;
        }

        @LinearPDE(value = "0.5*diffusion(S) - r*u", name = "kolmogorov", wrt = "x", dim = 5)
        static double k(double[] x, double[][] S, double r) {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i]) * (i + 1);
          }
          return Math.exp(-0.1 * s * s);
        }

        /** Warm batch calls, for the allocation check. */
        static void repeat(int times, double[] xs, double[] ys, double[][] points, double[] w, double[] out) {
          for (int i = 0; i < times; i++) {
            FieldsOperators.uLaplacianBatch(xs, ys, out);
            FieldsOperators.netLaplacianBatch(points, w, out);
          }
        }
      }
      """;
  private static final int POINTS = 7;

  private CompiledSources compiled;
  private Class<?> operators;

  @BeforeAll
  void compile() {
    compiled = InMode.compile("batch.Fields", SOURCE, "COLLAPSED");
    operators = compiled.load("batch.FieldsOperators");
  }

  @Test
  void scalarCoordinatesBecomeOneArrayEach() throws Exception {
    double[][] p = SeededPoints.uniform(31, POINTS, 2, -1.5, 1.5);
    double[] xs = SeededPoints.column(p, 0);
    double[] ys = SeededPoints.column(p, 1);
    double[] out = new double[POINTS];
    method("uLaplacianBatch", double[].class, double[].class, double[].class).invoke(null, xs, ys, out);
    Oracle oracle = Oracle.of(2, 2, v -> v[0].sin().multiply(v[1].exp()).add(v[0].multiply(v[0]).multiply(v[1])));
    Method point = method("uLaplacian", double.class, double.class);
    for (int i = 0; i < POINTS; i++) {
      assertEquals((double) point.invoke(null, xs[i], ys[i]), out[i], "the point method at point " + i);
      OracleResult r = oracle.at(p[i]);
      Numerics.assertClose(r.laplacian(), out[i], 1e-12, 1e-12 * r.laplacianScale(), "Δu at point " + i);
    }
  }

  @Test
  void anArrayCoordinateBecomesOneRowPerPointWhateverItsLength() throws Exception {
    for (int dim : new int[] {3, 21}) {
      double[][] points = SeededPoints.uniform(32 + dim, POINTS, dim, -1, 1);
      double[] w = SeededPoints.uniform(33, 1, dim, -1, 1)[0];
      double[] out = new double[POINTS];
      method("netLaplacianBatch", double[][].class, double[].class, double[].class).invoke(null, points, w, out);
      Oracle oracle = Oracle.of(dim, 2, v -> {
        DerivativeStructure s = v[0].getField().getZero();
        for (int i = 0; i < v.length; i++) {
          s = s.add(v[i].tanh().multiply(w[i]));
        }
        return s.multiply(s);
      });
      Method point = method("netLaplacian", double[].class, double[].class);
      for (int i = 0; i < POINTS; i++) {
        assertEquals((double) point.invoke(null, points[i], w), out[i], "the point method at point " + i);
        OracleResult r = oracle.at(points[i]);
        Numerics.assertClose(r.laplacian(), out[i], 1e-12, 1e-12 * r.laplacianScale(), "Δu at D = " + dim);
      }
    }
  }

  @Test
  void estimatorsAndOperatorsHaveBatchesToo() throws Exception {
    double[][] p = SeededPoints.uniform(34, POINTS, 2, -1, 1);
    double[] xs = SeededPoints.column(p, 0);
    double[] ys = SeededPoints.column(p, 1);
    double[][] v = SeededPoints.gaussian(new SplittableRandom(35), 4, 2);
    double[] out = new double[POINTS];
    method("uLaplacianEstimateBatch", double[].class, double[].class, double[][].class, double[].class)
        .invoke(null, xs, ys, v, out);
    Method fromRows = method("uLaplacianEstimate", double.class, double.class, double[][].class);
    for (int i = 0; i < POINTS; i++) {
      assertEquals((double) fromRows.invoke(null, xs[i], ys[i], v), out[i], "rows estimate at point " + i);
    }
    // the generator variant draws in the same order: one generator for the batch, a twin for the points
    method("uLaplacianEstimateBatch", double[].class, double[].class, RandomGenerator.class, double[].class)
        .invoke(null, xs, ys, new SplittableRandom(36), out);
    Method drawn = method("uLaplacianEstimate", double.class, double.class, RandomGenerator.class);
    RandomGenerator twin = new SplittableRandom(36);
    for (int i = 0; i < POINTS; i++) {
      assertEquals((double) drawn.invoke(null, xs[i], ys[i], twin), out[i], "drawn estimate at point " + i);
    }
    double[][] points = SeededPoints.uniform(37, POINTS, 5, -1, 1);
    double[][] s = SeededPoints.gaussian(new SplittableRandom(38), 5, 9);
    method("kolmogorovBatch", double[][].class, double[][].class, double.class, double[].class)
        .invoke(null, points, s, 0.25, out);
    Method kolmogorov = method("kolmogorov", double[].class, double[][].class, double.class);
    for (int i = 0; i < POINTS; i++) {
      assertEquals((double) kolmogorov.invoke(null, points[i], s, 0.25), out[i], "diffusion columns at point " + i);
    }
  }

  @Test
  void aMismatchNamesTheParameter() throws Exception {
    Method batch = method("uLaplacianBatch", double[].class, double[].class, double[].class);
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> batch.invoke(null, new double[3], new double[2], new double[3]));
    assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
    assertEquals("y has 2 points but out has room for 3", e.getCause().getMessage());
  }

  @Test
  void aWarmBatchAllocatesNothing() throws Exception {
    Method repeat = compiled.load("batch.Fields").getDeclaredMethod("repeat", int.class, double[].class,
        double[].class, double[][].class, double[].class, double[].class);
    repeat.setAccessible(true);
    double[][] points = SeededPoints.uniform(39, POINTS, 20, -1, 1);
    double[] w = SeededPoints.uniform(40, 1, 20, -1, 1)[0];
    double[] xs = SeededPoints.column(points, 0);
    double[] ys = SeededPoints.column(points, 1);
    double[] out = new double[POINTS];
    repeat.invoke(null, 300, xs, ys, points, w, out);
    long allocated = Allocation.bytes(() -> repeat.invoke(null, 100, xs, ys, points, w, out));
    assertTrue(allocated < 2_000, "allocated " + allocated + " bytes in 100 calls of two batches of " + POINTS);
  }

  private Method method(String name, Class<?>... types) throws NoSuchMethodException {
    Method m = operators.getMethod(name, types);
    m.setAccessible(true); // the generated class is as visible as Fields: package-private
    return m;
  }
}
