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
import java.lang.reflect.Method;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * A wide jet in a method without local arrays is computed on the lane axis and written lane by lane
 * by default ({@code -Acollapsar.lanes=AUTO}): straight-line code, one local per lane, the seeds'
 * zeros folded (coordinate i's term touches lanes i and i + 1 only), no direction loop; with
 * {@code LOOPS} the same axis is written as loops. Both exact against Hipparchus within 1e-12
 * relative; every method under 8000 bytes.
 */
class LaneUnrollingTest {
  private static final int DIM = 18;
  private static final String SOURCE = """
      package lu;

      import dev.collapsar.Laplacian;

      final class Chain {
        @Laplacian(wrt = "x", dim = 18)
        static double chain(double[] x) {
          double s = 0;
          for (int i = 0; i < 17; i++) {
            s += Math.sin(x[i]) * x[i + 1];
          }
          return Math.exp(0.1 * s);
        }
      }
      """;

  @Test
  void autoWritesTheLanesOutAndLoopsWritesLoops() throws Exception {
    CompiledSources auto = compile();
    String unrolled = auto.generatedMethod("lu.ChainOperators", "chainLaplacianKernel");
    assertFalse(unrolled.contains("for (int d"), "no direction loop");
    assertFalse(unrolled.contains("0.0 *"), "no product with a structural zero");
    assertTrue(unrolled.contains("s_x0 = "), "one local per lane");
    exact(auto);
    CompiledSources loops = compile("-Acollapsar.lanes=LOOPS");
    assertTrue(loops.generatedMethod("lu.ChainOperators", "chainLaplacianKernel").contains("for (int d"),
        "loops over the directions");
    exact(loops);
  }

  private static CompiledSources compile(String... options) {
    String[] all = new String[options.length + 2];
    all[0] = "-Xlint:all";
    all[1] = "-Werror";
    System.arraycopy(options, 0, all, 2, options.length);
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new).options(all).compile("lu.Chain", SOURCE);
    compiled.assertSucceeded();
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 8000);
    return compiled;
  }

  private static void exact(CompiledSources compiled) throws Exception {
    Oracle oracle = Oracle.of(DIM, 2, LaneUnrollingTest::chain);
    Method m = compiled.load("lu.ChainOperators").getMethod("chainLaplacian", double[].class);
    m.setAccessible(true);
    for (double[] x : SeededPoints.uniform(71, 4, DIM, -1, 1)) {
      double expected = oracle.at(x).laplacian();
      Numerics.assertClose(expected, (double) m.invoke(null, (Object) x), 1e-12, 1e-12 * (1 + Math.abs(expected)),
          "the chain's Laplacian");
    }
  }

  private static DerivativeStructure chain(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    for (int i = 0; i < 17; i++) {
      s = s.add(x[i].sin().multiply(x[i + 1]));
    }
    return s.multiply(0.1).exp();
  }
}
