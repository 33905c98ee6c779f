package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An estimator with more directions than its operator's exact plan — the biharmonic at D = 5 has 25
 * exact directions, its estimator here 32 — keeps every direction loop whole. Built beside the exact
 * kernel from one node factory, its lanes 0–24 took the exact kernel's operand order and lanes 25–31
 * their own, so each loop split at lane 25 into a loop and seven unrolled lanes, and the layer was no
 * longer jammed (the reference network's estimator: 22 → 67 ms). Exact against Hipparchus:
 * (1/(3S))·Σₛ ∂⁴u[vₛ] within 1e-11 relative.
 */
class WideEstimatorTest {
  private static final int DIM = 5;
  private static final int SAMPLES = 32;

  @Test
  void anEstimatorWiderThanTheExactPlanKeepsItsLoopsWhole() throws Exception {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("we.Net", """
            package we;

            import dev.collapsar.LinearPDE;

            final class Net {
              @LinearPDE(value = "biharmonic", name = "bi", wrt = "x", dim = %d, samples = %d)
              static double net(double[] x, double[][][] w, double[][] b, double[] v) {
            """.formatted(DIM, SAMPLES) + TanhNetwork.EXPLICIT_FIRST_LAYER + """
              }
            }
            """);
    compiled.assertSucceeded();
    String source = compiled.generatedSource("we.NetOperators");
    assertFalse(source.matches("(?s).*\\w+(_row|_lanes)\\[(2[5-9]|3[01])\\].*"),
        "no lane of the 32 written out beside a loop over the others");
    TanhNetwork network = TanhNetwork.random(47, DIM, 9, 7);
    Oracle oracle = Oracle.of(DIM, 4, network::value);
    Method m = compiled.load("we.NetOperators").getMethod("biEstimate", double[].class, double[][][].class,
        double[][].class, double[].class, double[][].class);
    m.setAccessible(true);
    SplittableRandom random = new SplittableRandom(48);
    for (double[] x : SeededPoints.uniform(49, 2, DIM, -1, 1)) {
      double[][] directions = SeededPoints.gaussian(random, SAMPLES, DIM);
      double expected = 0;
      double scale = 1;
      for (double[] direction : directions) {
        double fourth = oracle.directional(x, direction, 4) / (3.0 * SAMPLES);
        expected += fourth;
        scale += Math.abs(fourth);
      }
      Numerics.assertClose(expected, (double) m.invoke(null, x, network.w(), network.b(), network.v(), directions),
          1e-11, 1e-11 * scale, "biharmonic estimate over " + SAMPLES + " directions");
    }
  }
}
