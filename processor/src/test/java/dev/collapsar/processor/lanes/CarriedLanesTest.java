package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Jets carried by run-time loops on a lane axis. In standard mode: at the end of each iteration
 * its first coefficient is set, then its second, whose new value reads the first's old one. Written
 * into one direction loop, the second's expression must not be moved past the first's store (fuzz
 * seed 20261203, program 1829, where it was: 1.22391 for 1.22136). Exact against Hipparchus within
 * 1e-12 relative, for every lane style and at several trip counts.
 */
class CarriedLanesTest {
  private static final int DIM = 25;
  private static final String SOURCE = """
      package cl;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Carried {
        @Laplacian(wrt = "x", dim = 25, mode = Mode.STANDARD, samples = 12)
        static double f(double[] x, int n, double[] w) {
          double v0 = w[0];
          for (int i1 = 0; i1 < n; i1++) {
            double v2 = Math.exp(Math.sin(v0)) * -x[i1];
            v0 = Math.tanh(v2) + x[2];
          }
          return Math.log1p(Math.sin(v0 * w[2]) * Math.sin(v0 * w[2]));
        }
      }
      """;

  @Test
  void theSecondCoefficientReadsTheFirstBeforeItIsSet() throws Exception {
    for (String style : new String[] {"AUTO", "UNROLLED", "LOOPS"}) {
      CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
          .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=" + style).compile("cl.Carried", SOURCE);
      compiled.assertSucceeded();
      Method m = compiled.load("cl.CarriedOperators").getMethod("fLaplacianEstimate", double[].class, int.class,
          double[].class, double[][].class);
      m.setAccessible(true);
      double[] w = {0.3, -0.4, 0.7};
      SplittableRandom random = new SplittableRandom(81);
      for (int n : new int[] {0, 1, 3, 6}) {
        Oracle oracle = Oracle.of(DIM, 2, x -> f(x, n, w));
        for (double[] x : SeededPoints.uniform(82 + n, 2, DIM, -1.5, 1.5)) {
          double[][] directions = SeededPoints.gaussian(random, 12, DIM);
          Oracle.Average expected = oracle.averageDirectional(x, directions, 2);
          Numerics.assertClose(expected.value(), (double) m.invoke(null, x, n, w, directions), 1e-12,
              1e-12 * (1 + expected.scale()), style + ", n = " + n);
        }
      }
    }
  }

  /**
   * A collapsed jet summed over a run-time loop, {@code s += exp(-d2)}: its update and its copy-back
   * ({@code s_x = s_x_2}, after the Laplacian's lane sum) are one direction loop,
   * {@code s_x[d] = t[d] + s_x[d]}, with no copy loop through an array of the new value; exact.
   */
  @Test
  void aCarriedJetIsUpdatedInPlace() throws Exception {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS").compile("cl.Sum", """
            package cl;

            import dev.collapsar.Laplacian;

            final class Sum {
              @Laplacian(wrt = "x", dim = 12)
              static double sum(double[] x, double[][] c) {
                double s = 0;
                for (int k = 0; k < c.length; k++) {
                  double d2 = 0;
                  for (int i = 0; i < 12; i++) {
                    d2 += (x[i] - c[k][i]) * (x[i] - c[k][i]);
                  }
                  s += Math.exp(-d2);
                }
                return s;
              }
            }
            """);
    compiled.assertSucceeded();
    String kernel = compiled.generatedMethod("cl.SumOperators", "sumLaplacianKernel");
    assertTrue(kernel.matches("(?s).*s_x\\[(d\\w*)\\] = \\w+\\[\\1\\] \\+ s_x\\[\\1\\];.*"),
        "the update in place");
    assertFalse(kernel.matches("(?s).*s_x\\[(d\\w*)\\] = s_x_\\d+\\[\\1\\];.*"),
        "no copy loop");
    Method m = compiled.load("cl.SumOperators").getMethod("sumLaplacian", double[].class, double[][].class);
    m.setAccessible(true);
    SplittableRandom random = new SplittableRandom(91);
    double[][] centers = new double[3][DIM_SUM];
    for (double[] center : centers) {
      for (int i = 0; i < DIM_SUM; i++) {
        center[i] = random.nextDouble(-0.3, 0.3);
      }
    }
    Oracle oracle = Oracle.of(DIM_SUM, 2, x -> {
      DerivativeStructure s = x[0].getField().getZero();
      for (double[] center : centers) {
        DerivativeStructure d2 = x[0].getField().getZero();
        for (int i = 0; i < DIM_SUM; i++) {
          DerivativeStructure t = x[i].subtract(center[i]);
          d2 = d2.add(t.multiply(t));
        }
        s = s.add(d2.negate().exp());
      }
      return s;
    });
    for (double[] x : SeededPoints.uniform(92, 3, DIM_SUM, -0.3, 0.3)) {
      double expected = oracle.at(x).laplacian();
      Numerics.assertClose(expected, (double) m.invoke(null, x, centers), 1e-12, 1e-12 * (1 + Math.abs(expected)),
          "the kernel sum's Laplacian");
    }
  }

  private static final int DIM_SUM = 12;

  private static DerivativeStructure f(DerivativeStructure[] x, int n, double[] w) {
    DerivativeStructure v0 = x[0].getField().getZero().add(w[0]);
    for (int i1 = 0; i1 < n; i1++) {
      DerivativeStructure v2 = v0.sin().exp().multiply(x[i1].negate());
      v0 = v2.tanh().add(x[2]);
    }
    DerivativeStructure s = v0.multiply(w[2]).sin();
    return s.multiply(s).log1p();
  }
}
