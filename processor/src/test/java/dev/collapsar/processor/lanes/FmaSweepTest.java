package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.DiagnosticAssert;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * A jammed layer sweep takes two steps of its reduction per iteration, its direction loops fused into
 * a method of its own, and a remainder loop takes an odd last step (the hidden widths here are odd);
 * with {@code -Acollapsar.fma=true} the rows are updated with {@code Math.fma}. The operators stay
 * exact: a network in both modes and at a run-time dimension against Hipparchus within 1e-12 relative
 * (fma rounds once where the default rounds twice; LaneLoopsTest covers the default); every method
 * stays under 8000 bytes.
 */
class FmaSweepTest {
  private static final int DIM = 12;
  private static final String SOURCE = LaneLoopsTest.SOURCE;

  private final TanhNetwork network = TanhNetwork.random(29, DIM, 11, 13, 9);

  @Test
  void sweepsUseFmaAndStayExact() throws Exception {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS", "-Acollapsar.fma=true").compile("ll.Nets", SOURCE);
    compiled.assertSucceeded();
    String source = compiled.generatedSource("ll.NetsOperators");
    assertTrue(source.matches("(?s).*Math\\.fma\\(\\w+, \\w+, Math\\.fma\\(\\w+, \\w+, \\w+\\[d\\w*\\]\\)\\).*"),
        "two reduction steps fused into one multiply-add chain per row");
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 8000);
    Class<?> operators = compiled.load("ll.NetsOperators");
    Oracle oracle = Oracle.of(DIM, 2, network::value);
    for (String name : new String[] {"netLaplacian", "standardLaplacian", "anyDimensionLaplacian"}) {
      Method m = operators.getMethod(name, double[].class, double[][][].class, double[][].class, double[].class);
      m.setAccessible(true);
      for (double[] x : SeededPoints.uniform(37, 3, DIM, -1, 1)) {
        double expected = oracle.at(x).laplacian();
        Numerics.assertClose(expected, (double) m.invoke(null, x, network.w(), network.b(), network.v()), 1e-12,
            1e-12 * (1 + Math.abs(expected)), name);
      }
    }
  }

  @Test
  void withoutTheOptionTheSweepIsTwoPlainStepsInAMethodOfItsOwn() {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS").compile("ll.Nets", SOURCE);
    compiled.assertSucceeded();
    String source = compiled.generatedSource("ll.NetsOperators");
    assertFalse(source.contains("Math.fma"));
    assertTrue(source.contains("private static void netLaplacianKernelSweep1("), "the fused sweep outlined");
    assertTrue(source.matches("(?s).*(\\w+)\\[(d\\w*)\\] = \\1\\[\\2\\] \\+ \\w+ \\* \\w+ \\+ \\w+ \\* \\w+;.*"),
        "two steps of the reduction per row, in the order of the source");
  }

  @Test
  void aValueOtherThanTrueOrFalseIsAClearError() {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Acollapsar.fma=yes")
        .compile("ll.Nets", SOURCE);
    DiagnosticAssert.assertError(c, "Collapsar/BadOption", "-Acollapsar.fma=yes", 8);
    DiagnosticAssert.assertError(c, "Collapsar/BadOption", "Hint: Use one of [TRUE, FALSE]", 8);
  }
}
