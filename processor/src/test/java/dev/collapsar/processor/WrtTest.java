package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * {@code wrt} chooses the coordinates: the Laplacian is taken over them only, and every other
 * parameter is a constant of the operator. Checked against Hipparchus over all parameters, summing
 * only the chosen diagonal second partials. Tolerance 1e-12 relative, 1e-12 absolute.
 */
class WrtTest {
  private static final String SOURCE = """
      package wrt;

      import dev.collapsar.Laplacian;

      final class Fields {
        @Laplacian(wrt = {"z", "x"})
        static double f(double x, double y, double z) {
          return Math.sin(x * y) * Math.exp(z * y) + x * x * z;
        }

        @Laplacian(wrt = "y")
        static double g(double x, double y, double z) {
          return Math.sin(x * y) * Math.exp(z * y) + x * x * z;
        }
      }
      """;

  private static DerivativeStructure function(DerivativeStructure[] v) {
    return v[0].multiply(v[1]).sin().multiply(v[2].multiply(v[1]).exp()).add(v[0].multiply(v[0]).multiply(v[2]));
  }

  @Test
  void laplacianIsOverTheNamedCoordinatesInTheirOrder() throws Exception {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("wrt.Fields", SOURCE);
    c.assertSucceeded();
    Oracle oracle = Oracle.of(3, 2, WrtTest::function);
    Class<?> operators = c.load("wrt.FieldsOperators");
    Method f = operators.getMethod("fEvaluate", double.class, double.class, double.class);
    Method g = operators.getMethod("gEvaluate", double.class, double.class, double.class);
    f.setAccessible(true);
    g.setAccessible(true);
    for (double[] p : SeededPoints.uniform(5, 10, 3, -1, 1)) {
      OracleResult expected = oracle.at(p);
      LaplacianResult rf = (LaplacianResult) f.invoke(null, p[0], p[1], p[2]);
      assertEquals(2, rf.dimension());
      Numerics.assertClose(expected.partial(0, 0, 2) + expected.partial(2, 0, 0), rf.laplacian(), 1e-12, 1e-12, "Δ over z, x");
      Numerics.assertClose(expected.gradient()[2], rf.gradient(0), 1e-12, 1e-12, "first coordinate is z");
      Numerics.assertClose(expected.gradient()[0], rf.gradient(1), 1e-12, 1e-12, "second coordinate is x");
      LaplacianResult rg = (LaplacianResult) g.invoke(null, p[0], p[1], p[2]);
      assertEquals(1, rg.dimension());
      Numerics.assertClose(expected.partial(0, 2, 0), rg.laplacian(), 1e-12, 1e-12, "∂²/∂y²");
      Numerics.assertClose(expected.value(), rg.value(), 1e-14, 1e-14, "value");
    }
  }
}
