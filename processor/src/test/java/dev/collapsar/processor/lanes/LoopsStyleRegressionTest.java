package dev.collapsar.processor.lanes;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found by the differential fuzzer: with {@code -Acollapsar.lanes=LOOPS}, a local array of run-time
 * length that is filled in a loop and then read at a constant index into a value that the result
 * does not use crashed the processor ([Collapsar/InternalError], an index
 * of -1 in the search for a direction loop before the first statement). Both modes, against
 * Hipparchus, tolerance 1e-12 relative to the terms.
 */
class LoopsStyleRegressionTest {
  private static final String SOURCE = """
      package loops;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Fill {
        @Laplacian(wrt = {"x0", "x1", "x2"}, mode = Mode.MODE, samples = 3)
        static double u(double x0, double x1, double x2, int n, double[] w) {
          double[] h = new double[n];
          for (int i = 0; i < h.length; i++) {
            h[i] = -x2;
          }
          double v = h[2];
          return -Math.hypot(Math.sin(w[2]), 0.5 + x0 * x0 * x1);
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void aFilledRunTimeArrayReadAtAConstantIndexCompilesAsLoops(String mode) {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS")
        .compile("loops.Fill", SOURCE.replace("Mode.MODE", "Mode." + mode));
    c.assertSucceeded();
    double[] w = {0.5, -1.25, 0.75};
    Oracle oracle = Oracle.of(3, 2, x -> x[0].multiply(x[0]).multiply(x[1]).add(0.5).hypot(x[0].getField().getZero()
        .add(Math.sin(w[2]))).negate());
    double[][] directions = {{1, -0.5, 0.25}, {0.75, 1.5, -1}, {-1, 0, 2}};
    for (double[] p : SeededPoints.uniform(26, 4, 3, -2, 2)) {
      double actual = (double) c.method("loops.FillOperators", "uLaplacianEstimate", double.class, double.class,
          double.class, int.class, double[].class, double[][].class).invoke(p[0], p[1], p[2], 3, w, directions);
      Oracle.Average expected = oracle.averageDirectional(p, directions, 2);
      Numerics.assertClose(expected.value(), actual, 1e-12, 1e-12 * (1 + expected.scale()), "estimate");
    }
  }
}
