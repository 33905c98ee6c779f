package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.collapsar.LaplacianResult;
import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code @Laplacian} on a {@code double[]} without {@code dim}: the dimension is the length the caller
 * passes, differentiated in blocks of 16 basis directions. Value, gradient and Laplacian agree with
 * Hipparchus (DerivativeStructure in as many variables as the call has) within 1e-12 relative, for
 * dimensions on both sides of the block size; collapsed equals standard; one compiled operator serves
 * every dimension.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTimeDimensionTest {
  private static final String SOURCE = """
      package rt;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Fields {
        @Laplacian
        static double u(double[] x) {
          double s = 0;
          double q = 0;
          for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i]) * (i + 1);
            q += x[i] * x[i];
          }
          double chain = 0;
          for (int i = 1; i < x.length; i++) {
            chain += x[i - 1] * x[i];
          }
          return Math.exp(-0.1 * q) * s + chain + x[0] * x[0] * x[0];
        }

        @Laplacian(mode = Mode.STANDARD)
        static double us(double[] x) {
          return u(x);
        }

        @Laplacian(wrt = "x")
        static double net(double[] x, double[][][] w, double[][] b, double[] v) {
      """ + TanhNetwork.LAYER_LOOP + """
        }
      }
      """;

  private Class<?> operators;

  @BeforeAll
  void compile() {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("rt.Fields", SOURCE);
    compiled.assertSucceeded();
    operators = compiled.load("rt.FieldsOperators");
  }

  private Method method(String name, Class<?>... parameters) throws NoSuchMethodException {
    Method m = operators.getMethod(name, parameters);
    m.setAccessible(true);
    return m;
  }

  /** The same function for the oracle. */
  private static DerivativeStructure f(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    DerivativeStructure q = s;
    for (int i = 0; i < x.length; i++) {
      s = s.add(x[i].sin().multiply(i + 1));
      q = q.add(x[i].multiply(x[i]));
    }
    DerivativeStructure chain = q.getField().getZero();
    for (int i = 1; i < x.length; i++) {
      chain = chain.add(x[i - 1].multiply(x[i]));
    }
    return q.multiply(-0.1).exp().multiply(s).add(chain).add(x[0].multiply(x[0]).multiply(x[0]));
  }

  @Test
  void oneOperatorServesEveryDimension() throws Exception {
    Method laplacian = method("uLaplacian", double[].class);
    Method standard = method("usLaplacian", double[].class);
    Method withGradient = method("uLaplacian", double[].class, double[].class);
    Method evaluate = method("uEvaluate", double[].class);
    for (int dimension : new int[] {1, 2, 7, 15, 16, 17, 33, 50}) {
      Oracle oracle = Oracle.of(dimension, 2, RunTimeDimensionTest::f);
      for (double[] x : SeededPoints.uniform(dimension, 3, dimension, -1, 1)) {
        OracleResult expected = oracle.at(x);
        String where = "D = " + dimension;
        double tolerance = 1e-12 * (1 + Math.abs(expected.laplacian()));
        Numerics.assertClose(expected.laplacian(), (double) laplacian.invoke(null, (Object) x), 1e-12, tolerance, where);
        Numerics.assertClose(expected.laplacian(), (double) standard.invoke(null, (Object) x), 1e-12, tolerance,
            where + " standard");
        double[] gradient = new double[dimension];
        Numerics.assertClose(expected.laplacian(), (double) withGradient.invoke(null, x, gradient), 1e-12, tolerance,
            where);
        Numerics.assertArrayClose(expected.gradient(), gradient, 1e-12, 1e-12, where + " gradient");
        LaplacianResult all = (LaplacianResult) evaluate.invoke(null, (Object) x);
        Numerics.assertClose(expected.value(), all.value(), 1e-13, 1e-13, where + " value");
        assertEquals(dimension, all.dimension(), where);
        for (int i = 0; i < dimension; i++) {
          Numerics.assertClose(expected.gradient()[i], all.gradient(i), 1e-12, 1e-12, where + " ∂" + i);
        }
        Numerics.assertClose(expected.laplacian(), all.laplacian(), 1e-12, tolerance, where + " evaluate");
      }
    }
  }

  @Test
  void aNetworkOfRunTimeWidthAndDimension() throws Exception {
    Method laplacian = method("netLaplacian", double[].class, double[][][].class, double[][].class, double[].class);
    for (int dimension : new int[] {1, 2, 7, 50}) {
      TanhNetwork net = TanhNetwork.random(17 + dimension, dimension, 6, 5, 4);
      Oracle oracle = Oracle.of(dimension, 2, net::value);
      for (double[] x : SeededPoints.uniform(dimension + 100, 2, dimension, -1, 1)) {
        double expected = oracle.at(x).laplacian();
        Numerics.assertClose(expected, (double) laplacian.invoke(null, x, net.w(), net.b(), net.v()), 1e-12, 1e-12 * (1 + Math.abs(expected)),
            "network, D = " + dimension);
      }
    }
  }

  @Test
  void aShortGradientArrayIsRejected() throws Exception {
    Method withGradient = method("uLaplacian", double[].class, double[].class);
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> withGradient.invoke(null, new double[20], new double[19]));
    assertEquals("gradientOut needs length 20, has 19", e.getCause().getMessage());
  }
}
