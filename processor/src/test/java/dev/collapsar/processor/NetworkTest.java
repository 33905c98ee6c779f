package dev.collapsar.processor;

import dev.collapsar.LaplacianResult;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tanh network written as users write one: weights as run-time arrays ({@code double[][][]}),
 * local activation arrays, a loop over layers that reassigns {@code h = z}. Value, gradient and
 * Laplacian against Hipparchus for several dimensions, depths and widths, both modes. Tolerance
 * 1e-12 relative to the terms.
 */
class NetworkTest {
  private static final String SOURCE = """
      package nets;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Net {
        @Laplacian(wrt = "x", dim = DIM, mode = Mode.MODE)
        static double u(double[] x, double[][][] w, double[][] b, double[] v) {
      """ + TanhNetwork.EXPLICIT_FIRST_LAYER + """
        }
      }
      """;

  /** The reference network's dimension: its operators must still fit the JIT's 8000-byte limit. */
  @org.junit.jupiter.api.Test
  void referenceNetworkAtFiftyDimensionsStaysBelowTheJitLimit() {
    for (String mode : new String[] {"COLLAPSED", "STANDARD"}) {
      CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
          .compile("nets.Net", SOURCE.replace("DIM", "50").replace("Mode.MODE", "Mode." + mode));
      c.assertSucceeded();
      dev.collapsar.testing.MethodSizes.assertAllMethodsAtMost(c.classFiles(), 8000);
    }
  }

  /** A two-layer network's generated code, as a golden: loops, lanes, loop-carried locals. */
  @org.junit.jupiter.api.Test
  void twoLayerNetworkGolden() {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("nets.Net", SOURCE.replace("DIM", "2").replace("Mode.MODE", "Mode.COLLAPSED"));
    c.assertSucceeded();
    dev.collapsar.testing.Goldens.assertMatches("NetOperators.java", c.generatedSource("nets.NetOperators"));
  }

  @ParameterizedTest(name = "D = {0}, {1} layers, width {2}, {3}")
  @CsvSource({"1, 1, 3, COLLAPSED", "2, 2, 5, COLLAPSED", "2, 2, 5, STANDARD", "7, 3, 6, COLLAPSED",
      "7, 3, 6, STANDARD", "3, 4, 4, COLLAPSED"})
  void networkMatchesTheOracle(int dim, int layers, int width, String mode) throws Exception {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("nets.Net", SOURCE.replace("DIM", Integer.toString(dim)).replace("Mode.MODE", "Mode." + mode));
    c.assertSucceeded();
    SplittableRandom random = new SplittableRandom(dim * 100L + layers * 10L + width);
    double[][][] w = new double[layers][width][];
    double[][] b = new double[layers][width];
    double[] v = new double[width];
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < width; i++) {
        w[l][i] = new double[l == 0 ? dim : width];
        for (int j = 0; j < w[l][i].length; j++) {
          w[l][i][j] = random.nextDouble(-1, 1) / Math.sqrt(w[l][i].length);
        }
        b[l][i] = random.nextDouble(-0.2, 0.2);
      }
    }
    for (int i = 0; i < width; i++) {
      v[i] = random.nextDouble(-1, 1);
    }
    Oracle oracle = Oracle.of(dim, 2, x -> {
      DerivativeStructure[] h = new DerivativeStructure[width];
      for (int l = 0; l < layers; l++) {
        DerivativeStructure[] z = new DerivativeStructure[width];
        for (int i = 0; i < width; i++) {
          DerivativeStructure s = x[0].getField().getZero().add(b[l][i]);
          DerivativeStructure[] in = l == 0 ? x : h;
          for (int j = 0; j < in.length; j++) {
            s = s.add(in[j].multiply(w[l][i][j]));
          }
          z[i] = s.tanh();
        }
        h = z;
      }
      DerivativeStructure out = x[0].getField().getZero();
      for (int i = 0; i < width; i++) {
        out = out.add(h[i].multiply(v[i]));
      }
      return out;
    });
    Method evaluate = c.load("nets.NetOperators").getMethod("uEvaluate", double[].class, double[][][].class,
        double[][].class, double[].class);
    evaluate.setAccessible(true);
    for (double[] p : SeededPoints.uniform(dim, 6, dim, -1, 1)) {
      OracleResult expected = oracle.at(p);
      LaplacianResult actual = (LaplacianResult) evaluate.invoke(null, p.clone(), w, b, v);
      double scale = 1 + Math.abs(expected.value());
      for (int i = 0; i < dim; i++) {
        int[] orders = new int[dim];
        orders[i] = 2;
        scale += Math.abs(expected.gradient()[i]) + Math.abs(expected.partial(orders));
      }
      Numerics.assertClose(expected.value(), actual.value(), 1e-12, 1e-12 * scale, "value");
      for (int i = 0; i < dim; i++) {
        Numerics.assertClose(expected.gradient()[i], actual.gradient(i), 1e-12, 1e-12 * scale, "∂" + i);
      }
      Numerics.assertClose(expected.laplacian(), actual.laplacian(), 1e-12, 1e-12 * scale, "Δ");
    }
  }
}
