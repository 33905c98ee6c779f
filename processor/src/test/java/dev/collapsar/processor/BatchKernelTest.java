package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.Allocation;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A batch variant whose jets are unrolled runs its points through a batch kernel, 32 at a time: the
 * points are a lane axis of the kernel, so a network's weights are read once per block and C2
 * vectorizes across the points. Each lane does the point kernel's arithmetic in the point kernel's
 * order, so every result has the point method's bits (and so agrees with Hipparchus as it does). A
 * remainder of fewer than two thirds of a block goes point by point; a branch on the point's values
 * keeps the whole batch point by point, and so does an estimator that draws its directions (each
 * point draws its own) and a jet of more than seven numbers per value (too much to keep in memory per
 * point); lengths are checked first; warm calls allocate nothing. Jets on a lane axis of directions:
 * {@link RolledBatchKernelTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchKernelTest {
  private static final int DIM = 3;
  private static final String SOURCE = """
      package bk;

      import dev.collapsar.Laplacian;
      import dev.collapsar.LinearPDE;
      import dev.collapsar.Mode;

      final class Fields {
        @Laplacian(wrt = "x", dim = 3)
        static double net(double[] x, double[][][] w, double[][] b, double[] v) {
      """ + TanhNetwork.LAYER_LOOP + """
        }

        @Laplacian(wrt = "x", dim = 3, mode = Mode.STANDARD)
        static double standard(double[] x, double[][][] w, double[][] b, double[] v) {
          return net(x, w, b, v);
        }

        @Laplacian
        static double wave(double x, double y) {
          return Math.exp(-x * x) * Math.sin(3 * y) + x * y * y;
        }

        @LinearPDE(value = "D[x,x] + D[y,y] + 2*k*D[x]", name = "drifted", wrt = {"x", "y"})
        static double pde(double x, double y, double k) {
          return Math.exp(k * x) * Math.cos(y) + (x > y ? x * x : y);
        }

        @Laplacian(samples = 4)
        static double g(double x, double y) {
          return Math.sin(x) * Math.exp(y) + x * x * y;
        }

        @Laplacian
        static double branchy(double x, double y) {
          if (x > 0) {
            return x * y * y;
          }
          return Math.sin(x + y);
        }

        /** Warm batch calls, for the allocation check. */
        static void repeat(int times, double[][] xs, double[][][] w, double[][] b, double[] v, double[] out) {
          for (int i = 0; i < times; i++) {
            FieldsOperators.netLaplacianBatch(xs, w, b, v, out);
          }
        }
      }
      """;

  private final TanhNetwork network = TanhNetwork.random(41, DIM, 12, 10, 8);
  private CompiledSources compiled;
  private Class<?> operators;
  private String generated;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("bk.Fields", SOURCE);
    compiled.assertSucceeded();
    operators = compiled.load("bk.FieldsOperators");
    generated = compiled.generatedSource("bk.FieldsOperators");
  }

  @Test
  void aNetworkRunsBlocksOfPointsWithThePointKernelsBits() throws Exception {
    assertTrue(generated.contains("private static void netLaplacianBatchKernel(double[][] points, double[] x,"),
        "a batch kernel");
    assertTrue(generated.contains("netLaplacianBatchKernel(points, x[from], w, b, v, results);"), "called per block");
    Oracle oracle = Oracle.of(DIM, 2, network::value);
    for (String name : new String[] {"net", "standard"}) {
      Method point = method(name + "Laplacian", double[].class, double[][][].class, double[][].class, double[].class);
      Method batch = method(name + "LaplacianBatch", double[][].class, double[][][].class, double[][].class,
          double[].class, double[].class);
      for (int n : new int[] {32, 55, 70, 1}) { // a block; a block and a padded one; two and 6 alone; one alone
        double[][] xs = SeededPoints.uniform(n, n, DIM, -1.5, 1.5);
        double[] out = new double[n];
        batch.invoke(null, xs, network.w(), network.b(), network.v(), out);
        for (int p = 0; p < n; p++) {
          assertEquals((double) point.invoke(null, xs[p], network.w(), network.b(), network.v()), out[p],
              name + " at point " + p + " of " + n);
        }
        OracleResult r = oracle.at(xs[n - 1]);
        Numerics.assertClose(r.laplacian(), out[n - 1], 1e-12, 1e-12 * r.laplacianScale(), "Δu against Hipparchus");
      }
    }
  }

  /**
   * Standard mode in three dimensions carries seven numbers per value, so a layer's sweep updates seven
   * arrays of points: written as two loops of at most five (C2 unrolls, and so vectorizes, only small
   * loop bodies; {@code opt.LaneFission}), each array updated in the same order.
   */
  @Test
  void aSweepOfManyArraysIsSplitIntoLoopsC2Vectorizes() {
    String kernel = generated.substring(generated.indexOf("private static void standardLaplacianBatchKernel("));
    kernel = kernel.substring(0, kernel.indexOf("\n  }\n"));
    assertTrue(kernel.matches("(?s).*while \\(j < \\w+\\) \\{.*"
        + "for \\(int (d_\\d+) = 0; \\1 < 32; \\1\\+\\+\\) \\{(\\s+\\w+\\[\\1\\] = [^;]+;){5}\\s+}\\s+"
        + "for \\(int (\\1_2) = 0; \\3 < 32; \\3\\+\\+\\) \\{(\\s+\\w+\\[\\3\\] = [^;]+;){2}\\s+}\\s+j = 1 \\+ j;.*"),
        "five updates, then two, per step of j:\n" + kernel);
  }

  @Test
  void scalarCoordinatesAndSharedParametersRunInBlocksToo() throws Exception {
    int n = 40;
    double[][] points = SeededPoints.uniform(43, n, 2, -1.5, 1.5);
    double[] xs = SeededPoints.column(points, 0);
    double[] ys = SeededPoints.column(points, 1);
    double[] out = new double[n];
    assertTrue(generated.contains("waveLaplacianBatchKernel(points, x[from], y[from], results);"));
    method("waveLaplacianBatch", double[].class, double[].class, double[].class).invoke(null, xs, ys, out);
    assertPointByPoint(method("waveLaplacian", double.class, double.class), xs, ys, out);
    assertTrue(generated.contains("private static void driftedBatchKernel("),
        "a select on the point's values runs lane by lane: no branch");
    method("driftedBatch", double[].class, double[].class, double.class, double[].class).invoke(null, xs, ys, 0.7, out);
    assertPointByPoint(method("drifted", double.class, double.class, double.class), xs, ys, out, 0.7);
  }

  @Test
  void anEstimatorOverGivenDirectionsRunsInBlocksAndOneThatDrawsDoesNot() throws Exception {
    int n = 40;
    double[][] points = SeededPoints.uniform(47, n, 2, -1, 1);
    double[] xs = SeededPoints.column(points, 0);
    double[] ys = SeededPoints.column(points, 1);
    double[][] v = SeededPoints.uniform(48, 4, 2, -1, 1);
    double[] out = new double[n];
    assertTrue(generated.contains("gLaplacianEstimateBatchKernel(points, x[from], y[from], v, results);"),
        "the directions are shared by all points: one kernel");
    method("gLaplacianEstimateBatch", double[].class, double[].class, double[][].class, double[].class)
        .invoke(null, xs, ys, v, out);
    assertPointByPoint(method("gLaplacianEstimate", double.class, double.class, double[][].class), xs, ys, out, (Object) v);
    // each point draws its own directions: point by point, in the order of the points
    method("gLaplacianEstimateBatch", double[].class, double[].class, java.util.random.RandomGenerator.class,
        double[].class).invoke(null, xs, ys, new java.util.SplittableRandom(49), out);
    assertPointByPoint(method("gLaplacianEstimate", double.class, double.class,
        java.util.random.RandomGenerator.class), xs, ys, out, new java.util.SplittableRandom(49));
  }

  @Test
  void aBranchOnThePointKeepsThePointByPointBatch() throws Exception {
    assertFalse(generated.contains("branchyLaplacianBatchKernel"), "the points would take different paths");
    int n = 40;
    double[][] points = SeededPoints.uniform(44, n, 2, -1, 1);
    double[] xs = SeededPoints.column(points, 0);
    double[] ys = SeededPoints.column(points, 1);
    double[] out = new double[n];
    method("branchyLaplacianBatch", double[].class, double[].class, double[].class).invoke(null, xs, ys, out);
    assertPointByPoint(method("branchyLaplacian", double.class, double.class), xs, ys, out);
  }

  @Test
  void aRowOfTheWrongLengthIsAnErrorBeforeAnyWork() throws Exception {
    Method batch = method("netLaplacianBatch", double[][].class, double[][][].class, double[][].class,
        double[].class, double[].class);
    double[][] xs = SeededPoints.uniform(45, 40, DIM, -1, 1);
    xs[33] = new double[DIM - 1];
    double[] out = new double[40];
    java.util.Arrays.fill(out, 7.0);
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> batch.invoke(null, xs, network.w(), network.b(), network.v(), out));
    assertEquals("x[33].length must be 3, was 2", e.getCause().getMessage());
    assertEquals(7.0, out[0], "nothing computed");
  }

  @Test
  void warmBlocksAllocateNothing() throws Exception {
    Method repeat = compiled.load("bk.Fields").getDeclaredMethod("repeat", int.class, double[][].class,
        double[][][].class, double[][].class, double[].class, double[].class);
    repeat.setAccessible(true);
    double[][] xs = SeededPoints.uniform(46, 64, DIM, -1, 1);
    double[] out = new double[64];
    repeat.invoke(null, 300, xs, network.w(), network.b(), network.v(), out);
    long allocated = Allocation.bytes(() -> repeat.invoke(null, 100, xs, network.w(), network.b(), network.v(), out));
    assertTrue(allocated < 2_000, "allocated " + allocated + " bytes in 100 calls of two blocks");
  }

  @Test
  void aJetOfMoreThanSevenNumbersPerValueKeepsThePointByPointBatch() {
    CompiledSources wide = CollapsarCompiler.with(CollapsarProcessor::new)
        .compile("bk.Fields", SOURCE.replace("dim = 3, mode = Mode.STANDARD)", "dim = 4, mode = Mode.STANDARD)"));
    wide.assertSucceeded();
    String source = wide.generatedSource("bk.FieldsOperators");
    assertFalse(source.contains("standardLaplacianBatchKernel"), "standard mode in four dimensions: 9 numbers");
    assertTrue(source.contains("netLaplacianBatchKernel"), "collapsed in three: 5");
  }

  /**
   * {@code out[p]} is what {@code point(xs[p], ys[p], shared…)} returns, point after point (a shared
   * generator draws for each point in turn, as the batch's did).
   */
  private static void assertPointByPoint(Method point, double[] xs, double[] ys, double[] out, Object... shared)
      throws Exception {
    for (int p = 0; p < out.length; p++) {
      Object[] arguments = new Object[2 + shared.length];
      arguments[0] = xs[p];
      arguments[1] = ys[p];
      System.arraycopy(shared, 0, arguments, 2, shared.length);
      assertEquals((double) point.invoke(null, arguments), out[p], point.getName() + " at point " + p);
    }
  }

  private Method method(String name, Class<?>... types) throws NoSuchMethodException {
    Method m = operators.getMethod(name, types);
    m.setAccessible(true);
    return m;
  }
}
