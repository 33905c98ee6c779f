package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch variant whose jets run on a lane axis of directions (12 coordinates, direction loops) runs
 * its points through a batch kernel too, 8 at a time: the point kernel lifted to the block, the
 * points innermost ({@code opt.PointLift}), so a row of 12 directions holds 96 lanes, a dense layer
 * is one sweep over all of them (four units and two steps jammed, as in the point kernel) and the
 * activation's per-point work runs across the points. Each point's arithmetic is the point kernel's,
 * in its order: with plain sweeps the batch's results have the point method's bits; with
 * {@code -Acollapsar.fma=true} and vector sweeps the layer's value and Laplacian sums, scalar chains in
 * the point kernel, are lanes of the fused sweep here and round once per multiply-add, so they agree
 * with the point method within 1e-13 relative. All agree with Hipparchus within 1e-12 relative. A
 * select on the point's value keeps the point-by-point batch, and so do vector sweeps (their point
 * kernel keeps its accumulators in registers and was faster than the lifted block).
 */
class RolledBatchKernelTest {
  private static final int DIM = 12;
  private static final TanhNetwork NETWORK = TanhNetwork.random(43, DIM, 9, 7, 5);

  private static final String SOURCE = """
      package rb;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Nets {
        @Laplacian(wrt = "x", dim = 12)
        static double net(double[] x, double[][][] w, double[][] b, double[] v) {
      """ + TanhNetwork.LAYER_LOOP + """
        }

        @Laplacian(wrt = "x", dim = 12, mode = Mode.STANDARD)
        static double standard(double[] x, double[][][] w, double[][] b, double[] v) {
          return net(x, w, b, v);
        }

        @Laplacian(wrt = "x", dim = 12)
        static double kinked(double[] x, double[][][] w, double[][] b, double[] v) {
          double u = net(x, w, b, v);
          return u > 0 ? u * u : u;
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"plain", "fma", "vector"})
  void blocksOfPointsHaveThePointKernelsBits(String sweeps) throws Exception {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new).options(options(sweeps))
        .compile("rb.Nets", SOURCE);
    compiled.assertSucceeded();
    String generated = compiled.generatedSource("rb.NetsOperators");
    if (sweeps.equals("vector")) {
      assertFalse(generated.contains("netLaplacianBatchKernel"), "vector sweeps: the point kernel is faster");
    } else {
      assertTrue(generated.contains("netLaplacianBatchKernel(points, x[from], w, b, v, results);"), "a batch kernel");
      assertTrue(generated.contains("< 96; "), "a row of 12 directions for 8 points: 96 lanes in one loop");
    }
    assertFalse(generated.contains("kinkedLaplacianBatchKernel"), "a select on the point's value: point by point");
    Class<?> operators = compiled.load("rb.NetsOperators");
    Oracle oracle = Oracle.of(DIM, 2, NETWORK::value);
    for (String name : new String[] {"net", "standard", "kinked"}) {
      Method point = operators.getMethod(name + "Laplacian", double[].class, double[][][].class, double[][].class,
          double[].class);
      Method batch = operators.getMethod(name + "LaplacianBatch", double[][].class, double[][][].class,
          double[][].class, double[].class, double[].class);
      point.setAccessible(true);
      batch.setAccessible(true);
      for (int n : new int[] {8, 13, 30, 3}) { // a block; a padded block; three blocks and 6 alone; 3 alone
        double[][] xs = SeededPoints.uniform(n + 7L, n, DIM, -1.5, 1.5);
        double[] out = new double[n];
        batch.invoke(null, xs, NETWORK.w(), NETWORK.b(), NETWORK.v(), out);
        for (int p = 0; p < n; p++) {
          double expected = (double) point.invoke(null, xs[p], NETWORK.w(), NETWORK.b(), NETWORK.v());
          if (sweeps.equals("plain")) {
            assertEquals(expected, out[p], name + " at point " + p + " of " + n);
          } else {
            Numerics.assertClose(expected, out[p], 1e-13, 1e-13 * (1 + Math.abs(expected)), name + " at " + p);
          }
        }
        if (!name.equals("kinked")) {
          OracleResult r = oracle.at(xs[n - 1]);
          Numerics.assertClose(r.laplacian(), out[n - 1], 1e-12, 1e-12 * r.laplacianScale(), "Δu against Hipparchus");
        }
      }
    }
  }

  /**
   * The collapsed biharmonic (three rows of 25 directions per unit, fourth-order activation rules per
   * point): its lifted layer loop jams two units (scratch rows overwritten by a direction loop over
   * the block's points, at d·8 + p, count as private), and the remainder loop for an odd last unit, which
   * would not fit the layer loop's method beside the jammed one, is a method of its own. Odd widths
   * (9, 7) run it. Plain sweeps: the point method's bits; Hipparchus at order 4 within 1e-11 relative
   * to the pure fourth derivatives.
   */
  @org.junit.jupiter.api.Test
  void theCollapsedBiharmonicJamsTwoUnitsPerBlock() throws Exception {
    TanhNetwork network = TanhNetwork.random(2026, 5, 9, 7, 1);
    String source = """
        package rb;

        import dev.collapsar.LinearPDE;

        final class Bih {
          @LinearPDE(value = "biharmonic", name = "bih", wrt = "x", dim = 5)
          static double net(double[] x, double[][][] w, double[][] b, double[] v) {
        %s  }
        }
        """.formatted(TanhNetwork.LAYER_LOOP);
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new).options(options("plain"))
        .compile("rb.Bih", source);
    compiled.assertSucceeded();
    String generated = compiled.generatedSource("rb.BihOperators");
    assertTrue(generated.contains("bihBatchKernel(points, x[from], w, b, v, results);"), "a batch kernel");
    assertTrue(generated.contains("private static void bihBatchKernelRemainder"), "the odd unit's loop outlined");
    Class<?> operators = compiled.load("rb.BihOperators");
    Method point = operators.getMethod("bih", double[].class, double[][][].class, double[][].class, double[].class);
    Method batch = operators.getMethod("bihBatch", double[][].class, double[][][].class, double[][].class,
        double[].class, double[].class);
    point.setAccessible(true);
    batch.setAccessible(true);
    Oracle oracle = Oracle.of(5, 4, network::value);
    for (int n : new int[] {8, 13, 3}) {
      double[][] xs = SeededPoints.uniform(n + 11L, n, 5, -1, 1);
      double[] out = new double[n];
      batch.invoke(null, xs, network.w(), network.b(), network.v(), out);
      for (int p = 0; p < n; p++) {
        assertEquals((double) point.invoke(null, xs[p], network.w(), network.b(), network.v()), out[p],
            "point " + p + " of " + n);
      }
      OracleResult r = oracle.at(xs[n - 1]);
      double scale = 1 + Math.abs(r.biharmonic());
      for (int i = 0; i < 5; i++) {
        int[] orders = new int[5];
        orders[i] = 4;
        scale += Math.abs(r.partial(orders));
      }
      Numerics.assertClose(r.biharmonic(), out[n - 1], 1e-11, 1e-11 * scale, "Δ²u against Hipparchus");
    }
  }

  private static String[] options(String sweeps) {
    return switch (sweeps) {
      case "fma" -> new String[] {"-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS", "-Acollapsar.fma=true"};
      case "vector" -> new String[] {"--add-modules", "jdk.incubator.vector", "-Acollapsar.lanes=LOOPS",
          "-Acollapsar.vector=true"};
      default -> new String[] {"-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS"};
    };
  }
}
