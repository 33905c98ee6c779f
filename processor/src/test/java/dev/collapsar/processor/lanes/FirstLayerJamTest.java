package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A first layer whose directions are given at run time ({@code diffusion(S)}, estimators) sums over
 * the coordinates in a loop of constant bound ({@code dim}), which has the shape of a direction loop
 * and holds the units' direction loops; its units are jammed like any layer's, four at a time with
 * one sweep over the seeds' rows (it was one unit at a time, each 32-lane row loaded and stored per
 * multiply-add: about 9 % of the reference network's {@code diffusion(S)} for 3 % of its FLOP). Exact
 * against Hipparchus: Tr(S Sᵀ ∇²u) at seeded points, 1e-12 relative, with seven units (a remainder
 * of three behind the jammed loop).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstLayerJamTest {
  private static final int DIM = 12;
  private static final int UNITS = 7;
  private static final int COLUMNS = 12;
  private static final String SOURCE = """
      package fj;

      import dev.collapsar.LinearPDE;

      final class Net {
        /** One hidden layer; S is DIM × R, R known at run time. */
        @LinearPDE(value = "diffusion(s)", wrt = "x", dim = 12, name = "netDiffusion")
        static double net(double[] x, double[][] v, double[] c, double[][] s) {
          double[] h = new double[v.length];
          for (int i = 0; i < h.length; i++) {
            double t = 0;
            for (int j = 0; j < x.length; j++) {
              t += v[i][j] * x[j];
            }
            h[i] = Math.tanh(t);
          }
          double out = 0;
          for (int i = 0; i < h.length; i++) {
            out += c[i] * h[i];
          }
          return out;
        }
      }
      """;

  private CompiledSources compiled;
  private double[][] v;
  private double[] c;
  private double[][] s;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror").compile("fj.Net", SOURCE);
    compiled.assertSucceeded();
    SplittableRandom random = new SplittableRandom(12);
    v = new double[UNITS][DIM];
    c = new double[UNITS];
    s = new double[DIM][COLUMNS];
    for (int i = 0; i < UNITS; i++) {
      for (int j = 0; j < DIM; j++) {
        v[i][j] = random.nextDouble(-0.4, 0.4);
      }
      c[i] = random.nextDouble(-1, 1);
    }
    for (double[] row : s) {
      for (int k = 0; k < COLUMNS; k++) {
        row[k] = random.nextDouble(-1, 1);
      }
    }
  }

  @Test
  void theFirstLayersUnitsAreJammed() {
    String source = compiled.generatedSource("fj.NetOperators");
    assertTrue(Pattern.compile("while \\(3 \\+ i < ").matcher(source).find(),
        "the first layer's unit loop runs four units per iteration");
    assertTrue(Pattern.compile("h_d1_row_u3\\[d\\w*] = ").matcher(source).find(),
        "the fourth unit sums into its own coefficient row in the same sweep");
  }

  @Test
  void isExact() throws Exception {
    Oracle oracle = Oracle.of(DIM, 2, this::value);
    Method m = compiled.load("fj.NetOperators").getMethod("netDiffusion", double[].class, double[][].class,
        double[].class, double[][].class);
    m.setAccessible(true);
    for (double[] x : SeededPoints.uniform(13, 3, DIM, -1, 1)) {
      double[][] hessian = oracle.at(x).hessian();
      double expected = 0;
      for (int a = 0; a < DIM; a++) {
        for (int b = 0; b < DIM; b++) {
          double ssT = 0;
          for (int k = 0; k < COLUMNS; k++) {
            ssT += s[a][k] * s[b][k];
          }
          expected += ssT * hessian[a][b];
        }
      }
      double actual = (double) m.invoke(null, x, v, c, s);
      Numerics.assertClose(expected, actual, 1e-12, 1e-12 * (1 + Math.abs(expected)), "diffusion(S)");
    }
  }

  private DerivativeStructure value(DerivativeStructure[] x) {
    DerivativeStructure out = x[0].getField().getZero();
    for (int i = 0; i < UNITS; i++) {
      DerivativeStructure t = x[0].getField().getZero();
      for (int j = 0; j < DIM; j++) {
        t = t.add(x[j].multiply(v[i][j]));
      }
      out = out.add(t.tanh().multiply(c[i]));
    }
    return out;
  }
}
