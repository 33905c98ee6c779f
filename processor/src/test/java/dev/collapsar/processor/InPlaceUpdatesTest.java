package dev.collapsar.processor;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An element of a local array updated from itself ({@code h[0] = -h[0] / c}): every coefficient of the
 * new value is computed from the old ones before any is stored. Found by the long fuzz run (seed
 * 271828, program 273943): the new first-order coefficient of the quotient, stored, was computed a
 * second time for the second-order one — after the store, from the new value. Against Hipparchus,
 * both modes, 1e-12 of the terms.
 */
class InPlaceUpdatesTest {
  private static final String SOURCE = """
      package inplace;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Updates {
        @Laplacian(wrt = "x", dim = 1, mode = Mode.MODE)
        static double quotient(double[] x) {
          double[] h = new double[1];
          h[0] = Math.log1p(Math.acos(0.9 * Math.cos(x[0])));
          h[0] = -h[0] / (1.5 + Math.cos(Math.tanh(x[0])));
          return h[0];
        }

        @Laplacian(wrt = "x", dim = 3, mode = Mode.MODE)
        static double chain(double[] x) {
          double[] h = new double[2];
          h[0] = x[0] * x[1];
          h[1] = Math.exp(x[2]);
          h[0] = h[0] / (2 + Math.sin(x[2]));
          h[1] = h[1] / (1 + h[0] * h[0]);
          h[0] = Math.tanh(h[0]) - h[1] / (3 + x[0]);
          return h[0] * h[1];
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void anElementUpdatedFromItselfKeepsItsOldCoefficientsUntilAllAreStored(String mode) throws Exception {
    CompiledSources c = InMode.compile("inplace.Updates", SOURCE, mode);
    Oracle quotient = Oracle.of(1, 2, x -> x[0].cos().multiply(0.9).acos().log1p().negate()
        .divide(x[0].tanh().cos().add(1.5)));
    Oracle chain = Oracle.of(3, 2, x -> {
      DerivativeStructure h0 = x[0].multiply(x[1]).divide(x[2].sin().add(2));
      DerivativeStructure h1 = x[2].exp().divide(h0.multiply(h0).add(1));
      h0 = h0.tanh().subtract(h1.divide(x[0].add(3)));
      return h0.multiply(h1);
    });
    double[][] points = {{-1.3409420524641291}, SeededPoints.uniform(273943, 1, 1, -2, 2)[0]};
    for (double[] x : points) {
      check(quotient.at(x), (LaplacianResult) c.method("inplace.UpdatesOperators", "quotientEvaluate",
          double[].class).invoke((Object) x), "h[0] = -h[0] / c");
    }
    for (double[] x : SeededPoints.uniform(273944, 4, 3, -1, 1)) {
      check(chain.at(x), (LaplacianResult) c.method("inplace.UpdatesOperators", "chainEvaluate", double[].class)
          .invoke((Object) x), "a chain of in-place updates");
    }
  }

  private static void check(OracleResult expected, LaplacianResult actual, String what) {
    expected.assertLaplacianMatches(actual.value(), actual.gradient(), actual.laplacian(), 1e-12, what);
  }
}
