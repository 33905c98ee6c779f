package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.StaticMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every generated method checks the arrays it indexes by the operator's shape — the coordinates'
 * {@code dim}, a drift vector, a diffusion matrix's rows, an estimator's random vectors — and throws an
 * {@code IllegalArgumentException} that names the parameter, the expected and the actual length
 * (a longer array used to be accepted silently, a shorter one to fail with a bare index error).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArgumentChecksTest {
  private static final String SOURCE = """
      package checks;

      import dev.collapsar.Laplacian;
      import dev.collapsar.LinearPDE;

      final class Shapes {
        @Laplacian(wrt = {"x", "y"}, samples = 2)
        static double scalars(double x, double y, double[] w) { return Math.sin(x * y) * w[0]; }

        @Laplacian(dim = 3, samples = 2)
        static double array(double[] x) { return Math.sin(x[0] * x[1]) + x[2]; }

        @LinearPDE(value = "0.5*diffusion(sd) + drift(bd)", wrt = {"x", "y"})
        static double ou(double x, double y, double[][] sd, double[] bd) { return Math.sin(x * y); }

        @LinearPDE(value = "0.5*diffusion(sd) + drift(bd)", wrt = "x", dim = 5)
        static double columns(double[] x, double[][] sd, double[] bd) { return Math.sin(x[0] * x[4]); }

        @LinearPDE(value = "0.5*diffusion(sd) + D[x[0]]", wrt = "x", dim = 3, samples = 2)
        static double estimated(double[] x, double[][] sd) { return Math.sin(x[0] * x[2]); }
      }
      """;

  private CompiledSources c;

  @BeforeAll
  void compile() {
    c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror").compile("checks.Shapes", SOURCE);
    c.assertSucceeded();
  }

  @Test
  void coordinatesOfAFixedDimension() {
    rejects("x.length must be 3, was 4", method("arrayLaplacian", double[].class), (Object) new double[4]);
  }

  @Test
  void theRowsOfAnEstimatorsDirections() {
    StaticMethod scalars = method("scalarsLaplacianEstimate", double.class, double.class, double[].class, double[][].class);
    rejects("v.length must be 2, was 3", scalars, 0.1, 0.2, new double[] {1}, new double[3][2]);
    rejects("v[1].length must be 2, was 1", scalars, 0.1, 0.2, new double[] {1}, new double[][] {{1, 2}, {3}});
    rejects("v[0].length must be 3, was 4", method("arrayLaplacianEstimate", double[].class, double[][].class),
        new double[3], new double[][] {{1, 2, 3, 4}, {1, 2, 3}});
  }

  @Test
  void driftVectorsAndDiffusionMatrices() {
    StaticMethod ou = method("ouOperator", double.class, double.class, double[][].class, double[].class);
    rejects("bd.length must be 2, was 3", ou, 0.1, 0.2, new double[2][2], new double[3]);
    rejects("bd.length must be 2, was 1", ou, 0.1, 0.2, new double[2][2], new double[1]);
    rejects("sd.length must be 2, was 3", ou, 0.1, 0.2, new double[3][2], new double[2]);
    rejects("sd[1].length must be sd[0].length = 2, was 1", ou, 0.1, 0.2, new double[][] {{1, 2}, {3}}, new double[2]);
    StaticMethod columns = method("columnsOperator", double[].class, double[][].class, double[].class);
    rejects("sd.length must be 5, was 4", columns, new double[5], new double[4][2], new double[5]);
    rejects("bd.length must be 5, was 6", columns, new double[5], new double[5][2], new double[6]);
  }

  @Test
  void anEstimatorsVectorsAreAsLongAsTheDiffusionMatrixIsWide() {
    StaticMethod estimated = method("estimatedOperatorEstimate", double[].class, double[][].class, double[][].class);
    rejects("v[1].length must be sd[0].length = 2, was 1", estimated, new double[3], new double[3][2],
        new double[][] {{1, 2}, {1}});
    rejects("sd.length must be 3, was 2", estimated, new double[3], new double[2][2], new double[2][2]);
  }

  @Test
  void rightShapesPass() {
    double value = (double) method("ouOperator", double.class, double.class, double[][].class, double[].class)
        .invoke(0.1, 0.2, new double[][] {{1, 2}, {3, 4}}, new double[] {1, 2});
    // ½Tr(S Sᵀ H) + b·∇u for u = sin(xy) at (0.1, 0.2): closed form
    double x = 0.1;
    double y = 0.2;
    double cos = Math.cos(x * y);
    double sin = Math.sin(x * y);
    double hxx = -y * y * sin;
    double hyy = -x * x * sin;
    double hxy = cos - x * y * sin;
    double m00 = 1 + 4;
    double m01 = 3 + 8;
    double m11 = 9 + 16;
    double expected = 0.5 * (m00 * hxx + 2 * m01 * hxy + m11 * hyy) + (1 * y * cos + 2 * x * cos);
    assertEquals(expected, value, 1e-13);
  }

  private StaticMethod method(String name, Class<?>... types) {
    return c.method("checks.ShapesOperators", name, types);
  }

  private static void rejects(String message, StaticMethod method, Object... args) {
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> method.invoke(args));
    IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, thrown.getCause(), thrown.toString());
    assertEquals(message, e.getMessage());
  }
}
