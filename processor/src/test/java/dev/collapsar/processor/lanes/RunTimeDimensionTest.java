package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * passes, differentiated in blocks of 32 basis directions (loops over the lanes) while more than 16
 * remain, then of 16 (straight-line code). Value, gradient and Laplacian agree with Hipparchus
 * (DerivativeStructure in as many variables as the call has) within 1e-12 relative, for dimensions on
 * both sides of both block sizes (17: one wide pass; 33: wide then narrow; 48: wide then a full narrow
 * one; 50: two wide passes); collapsed equals standard; one compiled operator serves every dimension.
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

  private CompiledSources compiled;
  private Class<?> operators;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("rt.Fields", SOURCE);
    compiled.assertSucceeded();
    operators = compiled.load("rt.FieldsOperators");
  }

  @Test
  void wideBlocksWhereTheLanesAreLoops() {
    String wide = compiled.generatedMethod("rt.FieldsOperators", "netLaplacianWideLanes");
    assertTrue(wide.contains("< 32; d"), "the network's 32-lane kernel: jets as loops over the lanes");
    assertTrue(compiled.generatedMethod("rt.FieldsOperators", "netLaplacian").contains("netLaplacianWideLanes("),
        "called while more than 16 directions remain");
    assertTrue(!compiled.generatedSource("rt.FieldsOperators").contains("uLaplacianWideLanes"),
        "u has no local arrays: its lanes stay straight-line code, 16 per pass");
    CompiledSources unrolled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=UNROLLED").compile("rt.Fields", SOURCE);
    unrolled.assertSucceeded();
    assertTrue(!unrolled.generatedSource("rt.FieldsOperators").contains("WideLanes"),
        "-Acollapsar.lanes=UNROLLED: 16-lane blocks only");
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
    Method standard = method("usLaplacian", double[].class);
    for (int dimension : new int[] {1, 2, 7, 15, 16, 17, 33, 48, 50}) {
      Oracle oracle = Oracle.of(dimension, 2, RunTimeDimensionTest::f);
      for (double[] x : SeededPoints.uniform(dimension, 3, dimension, -1, 1)) {
        OracleResult expected = oracle.at(x);
        String where = "D = " + dimension;
        assertAllThree("u", expected, where, x);
        Numerics.assertClose(expected.laplacian(), (double) standard.invoke(null, (Object) x), 1e-12,
            1e-12 * (1 + Math.abs(expected.laplacian())), where + " standard");
      }
    }
  }

  @Test
  void aNetworkOfRunTimeWidthAndDimension() throws Exception {
    for (int dimension : new int[] {1, 2, 7, 33, 50}) {
      TanhNetwork net = TanhNetwork.random(17 + dimension, dimension, 6, 5, 4);
      Oracle oracle = Oracle.of(dimension, 2, net::value);
      for (double[] x : SeededPoints.uniform(dimension + 100, 2, dimension, -1, 1)) {
        assertAllThree("net", oracle.at(x), "network, D = " + dimension, x, net.w(), net.b(), net.v());
      }
    }
  }

  /** {@code mLaplacian}, {@code mLaplacian(…, gradientOut)} and {@code mEvaluate} against the oracle. */
  private void assertAllThree(String m, OracleResult expected, String where, double[] x, Object... weights)
      throws Exception {
    Class<?>[] types = new Class<?>[1 + weights.length];
    Object[] arguments = new Object[1 + weights.length];
    types[0] = double[].class;
    arguments[0] = x;
    for (int k = 0; k < weights.length; k++) {
      types[k + 1] = weights[k].getClass();
      arguments[k + 1] = weights[k];
    }
    double tolerance = 1e-12 * (1 + Math.abs(expected.laplacian()));
    Numerics.assertClose(expected.laplacian(), (double) method(m + "Laplacian", types).invoke(null, arguments), 1e-12,
        tolerance, where);
    Class<?>[] withGradientTypes = java.util.Arrays.copyOf(types, types.length + 1);
    withGradientTypes[types.length] = double[].class;
    Object[] withGradient = java.util.Arrays.copyOf(arguments, arguments.length + 1);
    double[] gradient = new double[x.length];
    withGradient[arguments.length] = gradient;
    Numerics.assertClose(expected.laplacian(), (double) method(m + "Laplacian", withGradientTypes).invoke(null,
        withGradient), 1e-12, tolerance, where);
    Numerics.assertArrayClose(expected.gradient(), gradient, 1e-12, 1e-12, where + " gradient");
    LaplacianResult all = (LaplacianResult) method(m + "Evaluate", types).invoke(null, arguments);
    Numerics.assertClose(expected.value(), all.value(), 1e-13, 1e-13, where + " value");
    assertEquals(x.length, all.dimension(), where);
    for (int i = 0; i < x.length; i++) {
      Numerics.assertClose(expected.gradient()[i], all.gradient(i), 1e-12, 1e-12, where + " ∂" + i);
    }
    Numerics.assertClose(expected.laplacian(), all.laplacian(), 1e-12, tolerance, where + " evaluate");
  }

  @Test
  void aShortGradientArrayIsRejected() throws Exception {
    Method withGradient = method("uLaplacian", double[].class, double[].class);
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> withGradient.invoke(null, new double[20], new double[19]));
    assertEquals("gradientOut needs length 20, has 19", e.getCause().getMessage());
  }
}
