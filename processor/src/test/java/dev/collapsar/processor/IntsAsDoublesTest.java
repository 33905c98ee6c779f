package dev.collapsar.processor;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.StaticMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@code int} stored in a {@code double} is widened, as Java does: two such doubles divide as
 * doubles (7 / 2 is 3.5, not 3), and a loop that assigns an int to a double carries a double (found
 * by the long fuzz run, seed 271828: the generated loop declared an {@code int} local and did not
 * compile). Values against the user's own method, derivatives against Hipparchus, both modes,
 * tolerance 1e-12 relative to the terms.
 */
class IntsAsDoublesTest {
  private static final String SOURCE = """
      package ints;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Ints {
        @Laplacian(wrt = "x", mode = Mode.MODE)
        static double ratio(double x, int n, int m) {
          double a = n;
          double b = m;
          return x * x * (a / b);
        }

        @Laplacian(wrt = "x", mode = Mode.MODE)
        static double carried(double x, int n, double[] w) {
          double s = x;
          for (int i = 0; i < n; i++) {
            s = i;
            for (int j = 0; j < n; j++) {
              s *= w[i] * x;
            }
          }
          return s;
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void anIntInADoubleIsADouble(String mode) throws Exception {
    CompiledSources c = InMode.compile("ints.Ints", SOURCE, mode);
    StaticMethod ratio = c.method("ints.IntsOperators", "ratioEvaluate", double.class, int.class, int.class);
    StaticMethod carried = c.method("ints.IntsOperators", "carriedEvaluate", double.class, int.class, double[].class);
    double[] w = {0.5, -1.25, 0.75};
    // with n = 3 the last outer pass sets s = 2 and multiplies by (w[2]·x) three times: 2·(0.75x)³
    Oracle carriedOracle = Oracle.of(1, 2, x -> x[0].multiply(0.75).pow(3).multiply(2));
    Oracle ratioOracle = Oracle.of(1, 2, x -> x[0].multiply(x[0]).multiply(3.5));
    for (double[] x : SeededPoints.uniform(27, 5, 1, -2, 2)) {
      check(ratioOracle.at(x), (LaplacianResult) ratio.invoke(x[0], 7, 2), "x²·(7.0 / 2.0)");
      check(carriedOracle.at(x), (LaplacianResult) carried.invoke(x[0], 3, w), "the loop's double");
    }
  }

  private static void check(OracleResult expected, LaplacianResult actual, String what) {
    expected.assertLaplacianMatches(actual.value(), actual.gradient(), actual.laplacian(), 1e-12, what);
  }
}
