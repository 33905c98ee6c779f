package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.Allocation;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The default lane style ({@code AUTO}): a network whose jets carry 32 or more directions is written
 * with direction loops over row-stored coefficients ({@code z_d1[i][d]}), the form C2 vectorizes; a
 * narrow one stays straight-line code over flat arrays. Both are exact (Hipparchus, 1e-12), rolled
 * code computes bit for bit what unrolled code computes (same operations, same order), and two
 * operators of different widths sharing the class's per-thread pool allocate nothing once warm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WideJetsTest {
  private static final int WIDE = 40;
  private static final int NARROW = 12;
  private static final int SAMPLES = 32;

  private static String source(String pkg) {
    return """
        package %s;

        import dev.collapsar.Laplacian;

        final class Nets {
          @Laplacian(wrt = "x", dim = %d)
          static double wide(double[] x, double[][][] w, double[][] b, double[] v) {
        """.formatted(pkg, WIDE) + TanhNetwork.LAYER_LOOP + """
          }

          @Laplacian(wrt = "x", dim = %d)
          static double narrow(double[] x, double[][][] w, double[][] b, double[] v) {
            return wide(x, w, b, v);
          }

          @Laplacian(wrt = "x", dim = %d, samples = %d)
          static double sampled(double[] x, double[][][] w, double[][] b, double[] v) {
            return wide(x, w, b, v);
          }

          /** Both wide operators, alternately: their pooled arrays have different widths. */
          static double alternate(int calls, double[] x, double[][][] w, double[][] b, double[] v, double[][] s) {
            double sum = 0;
            for (int c = 0; c < calls; c++) {
              sum += NetsOperators.wideLaplacian(x, w, b, v) + NetsOperators.sampledLaplacianEstimate(x, w, b, v, s);
            }
            return sum;
          }
        }
        """.formatted(NARROW, WIDE, SAMPLES);
  }

  private final TanhNetwork network = TanhNetwork.random(29, WIDE, 10, 11, 9);
  private final TanhNetwork narrowNetwork = TanhNetwork.random(30, NARROW, 10, 11, 9);
  private CompiledSources auto;
  private Class<?> autoOperators;
  private Class<?> unrolledOperators;

  @BeforeAll
  void compile() {
    auto = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror").compile("wj.Nets", source("wj"));
    auto.assertSucceeded();
    autoOperators = auto.load("wj.NetsOperators");
    CompiledSources unrolled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=UNROLLED").compile("wu.Nets", source("wu"));
    unrolled.assertSucceeded();
    unrolledOperators = unrolled.load("wu.NetsOperators");
  }

  @Test
  void wideJetsAreRowsAndVectorizableLoops() {
    String wide = auto.generatedMethod("wj.NetsOperators", "wideLaplacianKernel");
    assertTrue(wide.contains("double[][] z_d1 = ArrayPool.takeRows("), "the layer's coefficients as rows");
    // acc[d] = acc[d] + t * row[d]: every array indexed by the loop variable itself
    assertTrue(wide.matches("(?s).*(\\w+)\\[(d\\w*)\\] = \\1\\[\\2\\] \\+ \\w+ \\* \\w+\\[\\2\\];.*"),
        "the accumulation inside the layer loop indexes its rows by the direction only");
    MethodSizes.assertAllMethodsAtMost(auto.classFiles(), 8000);
  }

  @Test
  void narrowJetsStayStraightLine() {
    String narrow = auto.generatedMethod("wj.NetsOperators", "narrowLaplacianKernel");
    assertFalse(narrow.contains("for (int d"), "no direction loop at 12 directions");
    assertFalse(narrow.contains("takeRows"), "flat coefficient arrays");
  }

  @Test
  void rolledEqualsUnrolledBitForBitAndTheOracle() throws Exception {
    Oracle oracle = Oracle.of(WIDE, 2, network::value);
    Method rolled = operator(autoOperators, "wideLaplacian");
    Method unrolled = operator(unrolledOperators, "wideLaplacian");
    for (double[] x : SeededPoints.uniform(44, 3, WIDE, -1, 1)) {
      double expected = oracle.at(x).laplacian();
      double r = (double) rolled.invoke(null, x, network.w(), network.b(), network.v());
      Numerics.assertClose(expected, r, 1e-12, 1e-12 * (1 + Math.abs(expected)), "rolled Laplacian, D = 40");
      assertEquals(r, (double) unrolled.invoke(null, x, network.w(), network.b(), network.v()), 0.0,
          "the same operations in the same order");
    }
    Oracle narrowOracle = Oracle.of(NARROW, 2, narrowNetwork::value);
    for (double[] x : SeededPoints.uniform(45, 3, NARROW, -1, 1)) {
      double expected = narrowOracle.at(x).laplacian();
      Numerics.assertClose(expected, (double) operator(autoOperators, "narrowLaplacian").invoke(null, x,
          narrowNetwork.w(), narrowNetwork.b(), narrowNetwork.v()), 1e-12, 1e-12 * (1 + Math.abs(expected)), "D = 12");
    }
  }

  @Test
  void wideEstimatorIsExactForGivenDirections() throws Exception {
    Oracle oracle = Oracle.of(WIDE, 2, network::value);
    Method m = autoOperators.getMethod("sampledLaplacianEstimate", double[].class, double[][][].class,
        double[][].class, double[].class, double[][].class);
    m.setAccessible(true);
    double[][] directions = directions(46);
    for (double[] x : SeededPoints.uniform(47, 2, WIDE, -1, 1)) {
      Oracle.Average expected = oracle.averageDirectional(x, directions, 2);
      Numerics.assertClose(expected.value(), (double) m.invoke(null, x, network.w(), network.b(), network.v(),
          directions), 1e-12, 1e-12 * (1 + expected.scale()), "estimate over 32 directions");
    }
  }

  /**
   * Thread allocation over 100 alternating calls, after 300 to warm up; a pool entry re-created for
   * the other width would cost at least 10 × 32 doubles (2.5 kB) per call.
   */
  @Test
  void operatorsOfDifferentWidthsShareThePoolWithoutAllocating() throws Exception {
    Method alternate = auto.load("wj.Nets").getDeclaredMethod("alternate", int.class, double[].class,
        double[][][].class, double[][].class, double[].class, double[][].class);
    alternate.setAccessible(true);
    double[] x = SeededPoints.uniform(48, 1, WIDE, -1, 1)[0];
    double[][] s = directions(49);
    alternate.invoke(null, 300, x, network.w(), network.b(), network.v(), s);
    long allocated = Allocation.bytes(() -> alternate.invoke(null, 100, x, network.w(), network.b(), network.v(), s));
    assertTrue(allocated < 2_000, "allocated " + allocated + " bytes in 100 calls of each operator");
  }

  private static double[][] directions(long seed) {
    return SeededPoints.gaussian(new SplittableRandom(seed), SAMPLES, WIDE);
  }

  private static Method operator(Class<?> operators, String name) throws NoSuchMethodException {
    Method m = operators.getMethod(name, double[].class, double[][][].class, double[][].class, double[].class);
    m.setAccessible(true);
    return m;
  }
}
