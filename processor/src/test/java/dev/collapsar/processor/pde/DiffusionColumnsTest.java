package dev.collapsar.processor.pde;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code diffusion(S)} along the columns of S: from D = 4 on (where polarization would need more
 * than 8 directions) the operator runs passes over blocks of 8 columns, however many columns S has
 * at run time, with the drift and zero-order terms added once; a method with local arrays (a layer)
 * also gets a 32-column kernel of direction loops, used while more than 8 columns remain, and with more
 * than 32 coordinates a D-column one, used while more than max(32, D/2) remain. Against
 * Hipparchus (Tr(S Sᵀ∇²u) + b·∇u − r·u) for R = 1 … 40 columns, both modes, 1e-12 relative to the
 * terms; a 3-dimensional operator keeps the polarization plan and agrees too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiffusionColumnsTest {
  private static final String SOURCE = """
      package dc;

      import dev.collapsar.LinearPDE;
      import dev.collapsar.Mode;

      final class Ops {
        @LinearPDE(value = "0.5*diffusion(S) + drift(b) - r*u", name = "kolmogorov", wrt = "x", dim = 6)
        static double f(double[] x, double[][] S, double[] b, double r) {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i] + 0.1 * i) * (i + 1) + x[i] * x[(i + 1) % 6];
          }
          return Math.exp(-0.05 * s * s) + s;
        }

        @LinearPDE(value = "0.5*diffusion(S) + drift(b) - r*u", name = "kolmogorovStandard", wrt = "x", dim = 6,
            mode = Mode.STANDARD)
        static double g(double[] x, double[][] S, double[] b, double r) {
          return f(x, S, b, r);
        }

        @LinearPDE(value = "0.5*diffusion(S) + drift(b) - r*u", name = "layered", wrt = "x", dim = 6)
        static double k(double[] x, double[][] S, double[] b, double r) {
          double[] h = new double[5];
          for (int i = 0; i < h.length; i++) {
            double s = 0.1 * i;
            for (int j = 0; j < x.length; j++) {
              s += Math.sin(i + 2.0 * j) * x[j];
            }
            h[i] = Math.tanh(s);
          }
          double out = 0;
          for (int i = 0; i < h.length; i++) {
            out += h[i] * (i + 1);
          }
          return out;
        }

        @LinearPDE(value = "0.5*diffusion(S) + drift(b) - r*u", name = "small", wrt = "y", dim = 3)
        static double h(double[] y, double[][] S, double[] b, double r) {
          return Math.exp(-0.05 * (y[0] * y[0] + y[1] * y[2])) + Math.sin(y[0] + 2 * y[1]) * y[2];
        }
      }
      """;

  private CompiledSources compiled;
  private Class<?> ops;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror").compile("dc.Ops", SOURCE);
    compiled.assertSucceeded();
    ops = compiled.load("dc.OpsOperators");
  }

  private static DerivativeStructure f(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    for (int i = 0; i < x.length; i++) {
      s = s.add(x[i].add(0.1 * i).sin().multiply(i + 1)).add(x[i].multiply(x[(i + 1) % 6]));
    }
    return s.multiply(s).multiply(-0.05).exp().add(s);
  }

  private static DerivativeStructure k(DerivativeStructure[] x) {
    DerivativeStructure out = x[0].getField().getZero();
    for (int i = 0; i < 5; i++) {
      DerivativeStructure s = out.getField().getZero().add(0.1 * i);
      for (int j = 0; j < x.length; j++) {
        s = s.add(x[j].multiply(Math.sin(i + 2.0 * j)));
      }
      out = out.add(s.tanh().multiply(i + 1));
    }
    return out;
  }

  private static DerivativeStructure h(DerivativeStructure[] y) {
    return y[0].multiply(y[0]).add(y[1].multiply(y[2])).multiply(-0.05).exp()
        .add(y[0].add(y[1].multiply(2)).sin().multiply(y[2]));
  }

  @Test
  void theWideOperatorRunsOverColumnsAndTheSmallOneKeepsPolarization() {
    String source = compiled.generatedSource("dc.OpsOperators");
    assertTrue(source.contains("kolmogorovLanes("), "columns kernel for D = 6");
    assertFalse(source.contains("smallLanes("), "polarization for D = 3");
    assertFalse(source.contains("kolmogorovWideLanes("), "no local arrays: straight-line lanes, 8 per pass");
    assertTrue(source.contains("layeredWideLanes("), "a layer: 32 columns per pass as direction loops");
  }

  @Test
  void everyNumberOfColumnsGivesTheExactOperator() throws Exception {
    check(6, Oracle.of(6, 2, DiffusionColumnsTest::f), "kolmogorov", "kolmogorovStandard");
    check(6, Oracle.of(6, 2, DiffusionColumnsTest::k), "layered");
    check(3, Oracle.of(3, 2, DiffusionColumnsTest::h), "small");
  }

  /**
   * A network whose first layer keeps its loop over 20 coordinates: each pass reads coordinate j's
   * seeds (S·columns, computed once per pass) as one row at the run-time j, in the 8- and in the
   * 32-column kernel, instead of choosing among 20 locals by comparing j with each coordinate (that
   * chain cost the reference network's {@code diffusion(S)} two thirds of its time); exact.
   */
  @Test
  void aFirstLayerLoopReadsItsCoordinatesSeedsAsARow() throws Exception {
    CompiledSources net = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("dc.Net", """
            package dc;

            import dev.collapsar.LinearPDE;

            final class Net {
              @LinearPDE(value = "0.5*diffusion(S)", name = "spread", wrt = "x", dim = 20)
              static double net(double[] x, double[][][] w, double[][] b, double[] v, double[][] S) {
            """ + TanhNetwork.EXPLICIT_FIRST_LAYER + """
              }
            }
            """);
    net.assertSucceeded();
    String source = net.generatedSource("dc.NetOperators");
    assertTrue(source.contains("spreadLanes(") && source.contains("spreadWideLanes("), "8- and 32-column kernels");
    assertTrue(source.matches("(?s).*= seeds(_\\d+)?\\[j\\w*\\];.*"), "a coordinate's seeds read as row j");
    assertFalse(source.contains(" == 18"), "no comparison chain over the coordinates");
    TanhNetwork weights = TanhNetwork.random(20, 20, 7, 5);
    Method m = net.load("dc.NetOperators").getMethod("spread", double[].class, double[][][].class, double[][].class,
        double[].class, double[][].class);
    m.setAccessible(true);
    check(20, Oracle.of(20, 2, weights::value), (x, s, b, r) -> (double) m.invoke(null, x, weights.w(), weights.b(),
        weights.v(), s), false, "spread");
  }

  /**
   * With more than 32 coordinates a third kernel takes D columns per pass while more than max(32, D/2)
   * remain: a square S (R = D) is one pass instead of two of 32, each repeating the primal. D = 40:
   * R = 40 one pass, 33 one padded pass, 41 and 75 a D-column pass and then narrower ones; exact.
   */
  @Test
  void moreThan32CoordinatesGetAPassOfDColumns() throws Exception {
    CompiledSources net = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("dc.Wide", """
            package dc;

            import dev.collapsar.LinearPDE;

            final class Wide {
              @LinearPDE(value = "0.5*diffusion(S)", name = "spread", wrt = "x", dim = 40)
              static double net(double[] x, double[][][] w, double[][] b, double[] v, double[][] S) {
            """ + TanhNetwork.LAYER_LOOP + """
              }
            }
            """);
    net.assertSucceeded();
    String wrapper = net.generatedMethod("dc.WideOperators", "spread");
    assertTrue(wrapper.contains("if (n - base > 32) {") && wrapper.contains("spreadDimLanes(")
        && wrapper.contains("base += 40;"), "40 columns per pass while more than 32 remain:\n" + wrapper);
    assertTrue(wrapper.contains("} else if (n - base > 8) {") && wrapper.contains("base += 32;"), "then 32 columns");
    TanhNetwork weights = TanhNetwork.random(40, 40, 6, 5);
    Method m = net.load("dc.WideOperators").getMethod("spread", double[].class, double[][][].class,
        double[][].class, double[].class, double[][].class);
    m.setAccessible(true);
    check(40, Oracle.of(40, 2, weights::value), (x, s, b, r) -> (double) m.invoke(null, x, weights.w(), weights.b(),
        weights.v(), s), false, "spread", new int[] {3, 33, 40, 41, 75});
  }

  /** One operator method, called with a point, S, the drift vector and r. */
  @FunctionalInterface
  private interface Operator {
    double at(double[] x, double[][] s, double[] b, double r) throws Exception;
  }

  private void check(int dimension, Oracle oracle, String... names) throws Exception {
    for (String name : names) {
      Method m = ops.getMethod(name, double[].class, double[][].class, double[].class, double.class);
      m.setAccessible(true);
      check(dimension, oracle, (x, s, b, r) -> (double) m.invoke(null, x, s, b, r), true, name);
    }
  }

  /** {@code operator} against 0.5·Tr(S Sᵀ∇²u) (+ b·∇u − r·u when {@code drift}) for 1 … 40 columns. */
  private static void check(int dimension, Oracle oracle, Operator operator, boolean drift, String name)
      throws Exception {
    check(dimension, oracle, operator, drift, name, new int[] {1, 5, 8, 9, 17, 33, 40});
  }

  private static void check(int dimension, Oracle oracle, Operator operator, boolean drift, String name,
      int[] columnCounts) throws Exception {
    SplittableRandom random = new SplittableRandom(dimension);
    for (int columns : columnCounts) {
      double[][] s = new double[dimension][columns];
      double[] b = new double[dimension];
      for (int i = 0; i < dimension; i++) {
        b[i] = random.nextDouble(-1, 1);
        for (int c = 0; c < columns; c++) {
          s[i][c] = random.nextDouble(-1, 1);
        }
      }
      double r = 0.3;
      for (double[] x : SeededPoints.uniform(columns + 10L * dimension, 2, dimension, -1, 1)) {
        OracleResult o = oracle.at(x);
        double[][] hessian = o.hessian();
        double expected = drift ? -r * o.value() : 0;
        double scale = Math.abs(expected);
        for (int i = 0; i < dimension; i++) {
          expected += drift ? b[i] * o.gradient()[i] : 0;
          scale += drift ? Math.abs(b[i] * o.gradient()[i]) : 0;
          for (int j = 0; j < dimension; j++) {
            double sst = 0;
            for (int c = 0; c < columns; c++) {
              sst += s[i][c] * s[j][c];
            }
            expected += 0.5 * sst * hessian[i][j];
            scale += Math.abs(0.5 * sst * hessian[i][j]);
          }
        }
        Numerics.assertClose(expected, operator.at(x, s, b, r), 1e-12, 1e-12 * (1 + scale),
            name + " with " + columns + " columns");
      }
    }
  }
}
