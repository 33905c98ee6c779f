package dev.collapsar.processor.pde;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code laplacian(x, y)} and {@code biharmonic(x, y)}: the whole-space atoms over named coordinates,
 * so that a time coordinate stays out of them. The heat operator {@code D[t] - laplacian(x, y)}
 * vanishes on its solution e^{−2t} sin x sin y (where {@code laplacian} over t, x, y gave 0.55);
 * the others are compared with Hipparchus. Both modes; tolerance 1e-12 relative to the terms.
 */
class NamedCoordinatesTest {
  private static final String SOURCE = """
      package named;

      import dev.collapsar.LinearPDE;
      import dev.collapsar.Mode;

      final class Heat {
        @LinearPDE(value = "D[t] - laplacian(x, y)", mode = Mode.MODE)
        static double u(double t, double x, double y) {
          return Math.exp(-2 * t) * Math.sin(x) * Math.sin(y);
        }

        @LinearPDE(value = "D[t] + 0.5*biharmonic(x, y) - laplacian(y)", mode = Mode.MODE)
        static double v(double t, double x, double y) {
          return Math.exp(-t * x) * Math.cos(x * y) + t * y * y * y * y;
        }

        @LinearPDE(value = "laplacian(x[0], x[2]) + 2*D[x[1]]", dim = 3, mode = Mode.MODE)
        static double w(double[] x) {
          return Math.sin(x[0] * x[1]) * Math.exp(x[2]);
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void theHeatOperatorVanishesOnItsSolution(String mode) {
    CompiledSources c = compile(mode);
    for (double[] p : SeededPoints.uniform(16, 6, 3, -2, 2)) {
      double residual = (double) c.method("named.HeatOperators", "uOperator", double.class, double.class, double.class)
          .invoke(p[0], p[1], p[2]);
      double u = Math.exp(-2 * p[0]) * Math.abs(Math.sin(p[1]) * Math.sin(p[2]));
      Numerics.assertClose(0, residual, 0, 1e-12 * (1 + 4 * u), "D[t] - laplacian(x, y) of its solution");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void namedAtomsMatchTheOracle(String mode) {
    CompiledSources c = compile(mode);
    Oracle v = Oracle.of(3, 4, x -> x[0].negate().multiply(x[1]).exp().multiply(x[1].multiply(x[2]).cos())
        .add(x[0].multiply(x[2].pow(4))));
    Oracle w = Oracle.of(3, 2, x -> x[0].multiply(x[1]).sin().multiply(x[2].exp()));
    for (double[] p : SeededPoints.uniform(17, 4, 3, -1.5, 1.5)) {
      OracleResult r = v.at(p);
      double biharmonic = r.partial(0, 4, 0) + 2 * r.partial(0, 2, 2) + r.partial(0, 0, 4);
      double expected = r.partial(1, 0, 0) + 0.5 * biharmonic - r.partial(0, 0, 2);
      double scale = 1 + Math.abs(r.partial(1, 0, 0)) + Math.abs(r.partial(0, 4, 0)) + 2 * Math.abs(r.partial(0, 2, 2))
          + Math.abs(r.partial(0, 0, 4)) + Math.abs(r.partial(0, 0, 2));
      Numerics.assertClose(expected, (double) c.method("named.HeatOperators", "vOperator", double.class, double.class,
          double.class).invoke(p[0], p[1], p[2]), 1e-12, 1e-11 * scale, "D[t] + ½biharmonic(x, y) - laplacian(y)");
      OracleResult s = w.at(p);
      double wExpected = s.partial(2, 0, 0) + s.partial(0, 0, 2) + 2 * s.partial(0, 1, 0);
      double wScale = 1 + Math.abs(s.partial(2, 0, 0)) + Math.abs(s.partial(0, 0, 2)) + 2 * Math.abs(s.partial(0, 1, 0));
      Numerics.assertClose(wExpected, (double) c.method("named.HeatOperators", "wOperator", double[].class)
          .invoke((Object) p.clone()), 1e-12, 1e-12 * wScale, "laplacian(x[0], x[2]) + 2 D[x[1]]");
    }
  }

  private static CompiledSources compile(String mode) {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("named.Heat", SOURCE.replace("Mode.MODE", "Mode." + mode));
    c.assertSucceeded();
    return c;
  }
}
