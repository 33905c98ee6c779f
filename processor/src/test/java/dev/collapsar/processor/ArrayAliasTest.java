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
 * Java's array aliasing, as far as the subset allows it: a write into a copy of the coordinates
 * leaves the coordinates alone, and a write through a second name of a local array is seen through
 * the first. (A write through a second name of a parameter array is a compile error: see
 * DiagnosticsTest.) Against Hipparchus, both modes, tolerance 1e-12 relative to the terms.
 */
class ArrayAliasTest {
  private static final String SOURCE = """
      package alias;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Arrays {
        @Laplacian(dim = 2, mode = Mode.MODE)
        static double copyThenWrite(double[] x) {
          double[] h = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            h[i] = x[i];
          }
          h[0] = h[0] * 3;
          return x[0] * x[1] + x[0] * h[0];
        }

        @Laplacian(dim = 2, mode = Mode.MODE)
        static double writeThroughSecondName(double[] x) {
          double[] a = new double[2];
          double[] b = a;
          b[0] = x[0] * x[1];
          a[1] = Math.sin(x[0]);
          return a[0] * a[0] + b[1];
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void localArraysFollowJavasAliasing(String mode) throws Exception {
    CompiledSources c = InMode.compile("alias.Arrays", SOURCE, mode);
    Oracle copy = Oracle.of(2, 2, x -> x[0].multiply(x[1]).add(x[0].multiply(x[0].multiply(3))));
    Oracle second = Oracle.of(2, 2, x -> {
      DerivativeStructure a0 = x[0].multiply(x[1]);
      return a0.multiply(a0).add(x[0].sin());
    });
    for (double[] x : SeededPoints.uniform(21, 5, 2, -2, 2)) {
      check(copy.at(x), (LaplacianResult) c.method("alias.ArraysOperators", "copyThenWriteEvaluate", double[].class)
          .invoke((Object) x.clone()), "copy then write");
      check(second.at(x), (LaplacianResult) c.method("alias.ArraysOperators", "writeThroughSecondNameEvaluate",
          double[].class).invoke((Object) x.clone()), "write through a second name");
    }
  }

  private static void check(OracleResult expected, LaplacianResult actual, String what) {
    expected.assertLaplacianMatches(actual.value(), actual.gradient(), actual.laplacian(), 1e-12, what);
  }
}
