package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * On a lane axis the basis seeds of a first layer written over the coordinates stay sparse: the
 * unit's coefficient row is zeroed once and coordinate j adds its weight to lane j alone
 * ({@code h_d1_row[3] = h_d1_row[3] + w}), the work the per-direction statements did, not a select
 * in every lane; a product of two coordinates' seeds in different lanes folds to zero, so the collapsed
 * sum of a product of two coordinates has no lane loop. Exact against Hipparchus within 1e-12 relative,
 * both modes; every method under 8000 bytes.
 */
class OneHotSeedsTest {
  private static final int DIM = 12;

  @Test
  void aFirstLayerWritesEachCoordinatesLaneOnce() throws Exception {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS").compile("oh.Net", """
            package oh;

            import dev.collapsar.Laplacian;
            import dev.collapsar.Mode;

            final class Net {
              @Laplacian(wrt = "x", dim = 12)
              static double net(double[] x, double[][][] w, double[][] b, double[] v) {
            """ + TanhNetwork.EXPLICIT_FIRST_LAYER + """
              }

              @Laplacian(wrt = "x", dim = 12, mode = Mode.STANDARD)
              static double standard(double[] x, double[][][] w, double[][] b, double[] v) {
                return net(x, w, b, v);
              }

              @Laplacian(wrt = "x", dim = 12)
              static double pairs(double[] x) {
                double s = 0;
                for (int i = 0; i < 11; i++) {
                  s += x[i] * x[i + 1];
                }
                return s;
              }
            }
            """);
    compiled.assertSucceeded();
    String net = compiled.generatedMethod("oh.NetOperators", "netLaplacianKernel");
    assertTrue(net.matches("(?s).*(\\w+)\\[3\\] = \\1\\[3\\] \\+ \\w+;.*"), "coordinate 3 adds to lane 3 alone");
    assertFalse(net.contains(" == 3 ?"), "no select per lane");
    assertFalse(compiled.generatedMethod("oh.NetOperators", "pairsLaplacianKernel").contains("laneSum"),
        "Σ_d 2·(x_i)_d·(x_{i+1})_d: different lanes, a structural zero");
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 8000);
    TanhNetwork network = TanhNetwork.random(61, DIM, 9, 7);
    Oracle oracle = Oracle.of(DIM, 2, network::value);
    for (String name : new String[] {"netLaplacian", "standardLaplacian"}) {
      Method m = compiled.load("oh.NetOperators").getMethod(name, double[].class, double[][][].class,
          double[][].class, double[].class);
      m.setAccessible(true);
      for (double[] x : SeededPoints.uniform(62, 3, DIM, -1, 1)) {
        double expected = oracle.at(x).laplacian();
        Numerics.assertClose(expected, (double) m.invoke(null, x, network.w(), network.b(), network.v()), 1e-12,
            1e-12 * (1 + Math.abs(expected)), name);
      }
    }
    Method pairs = compiled.load("oh.NetOperators").getMethod("pairsLaplacian", double[].class);
    pairs.setAccessible(true);
    for (double[] x : SeededPoints.uniform(63, 3, DIM, -1, 1)) {
      Numerics.assertClose(0.0, (double) pairs.invoke(null, (Object) x), 1e-15, 0, "the Laplacian of Σ x_i x_{i+1}");
    }
  }
}
