package dev.collapsar.processor.split;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.LaplacianResult;
import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Methods too big for one JIT-sized method are split into parts that hand their locals on through a
 * per-thread workspace. A run-time loop in a later part than the declaration of what it accumulates
 * must hand the updated value on (it used to hand on only what a part declared, so the sum of
 * {@code logKernelSum} below stayed 0 and its logarithm came out -Infinity). Against Hipparchus at
 * seeded points, both modes; tolerance 1e-11 relative to the size of the compared terms.
 */
class SplitMethodTest {
  private static final String KERNELS = """
      package split;

      import dev.collapsar.Laplacian;
      import dev.collapsar.LinearPDE;
      import dev.collapsar.Mode;

      final class Kernels {
        @Laplacian(wrt = "x", dim = 64, mode = Mode.MODE)
        static double logKernelSum64(double[] x, double[][] c) {
          double s = 0;
          for (int k = 0; k < c.length; k++) {
            double d2 = 0;
            for (int i = 0; i < 64; i++) { d2 += (x[i] - c[k][i]) * (x[i] - c[k][i]); }
            s += Math.exp(-d2);
          }
          return Math.log(s);
        }

        @Laplacian(wrt = "x", dim = 40, mode = Mode.MODE)
        static double kernelSum40(double[] x, double[][] c) {
          double s = 0;
          double r2 = 0;
          for (int i = 0; i < 40; i++) { r2 += Math.sin(x[i]) * x[39 - i]; }
          for (int k = 0; k < c.length; k++) {
            double d2 = 0;
            for (int i = 0; i < 40; i++) { d2 += (x[i] - c[k][i]) * (x[i] - c[k][i]); }
            s += Math.exp(-d2);
          }
          return s * Math.exp(-r2);
        }

        @LinearPDE(value = "biharmonic", wrt = "x", dim = 5, mode = Mode.MODE)
        static double logOnePlusSquare(double[] x, double[] c, int n) {
          double s = 0;
          for (int k = 0; k < n; k++) {
            s += Math.sin(x[0] * c[k] + x[1]) * Math.cos(x[2] - c[k] * x[3]) + c[k] * x[4] * x[4];
          }
          return Math.log(1 + s * s);
        }
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void aLoopInALaterPartHandsOnWhatItAccumulates(String mode) throws Exception {
    CompiledSources c = compile("split.Kernels", KERNELS.replace("Mode.MODE", "Mode." + mode));
    String generated = c.generatedSource("split.KernelsOperators");
    assertTrue(generated.contains("logKernelSum64LaplacianPart2Of"), "the 64-coordinate kernel sum is split");
    assertTrue(generated.contains("kernelSum40EvaluatePart2Of"), "the 40-coordinate kernel sum is split");
    SplittableRandom random = new SplittableRandom(15);
    for (int dim : new int[] {64, 40}) {
      double[][] centers = new double[3][dim];
      double[] x = new double[dim];
      for (int i = 0; i < dim; i++) {
        x[i] = random.nextDouble(-0.1, 0.1);
        for (double[] center : centers) {
          center[i] = x[i] + random.nextDouble(-0.15, 0.15);
        }
      }
      boolean log = dim == 64;
      String name = log ? "logKernelSum64" : "kernelSum40";
      LaplacianResult actual = (LaplacianResult) c.method("split.KernelsOperators", name + "Evaluate",
          double[].class, double[][].class).invoke(x, centers);
      OracleResult expected = Oracle.of(dim, 2, v -> kernelSum(v, centers, log)).at(x);
      assertMatches(expected, actual, name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void theBiharmonicOfARunTimeSumSurvivesTheSplit(String mode) throws Exception {
    CompiledSources c = compile("split.Kernels", KERNELS.replace("Mode.MODE", "Mode." + mode));
    assertTrue(c.generatedSource("split.KernelsOperators").contains("logOnePlusSquareOperatorPart2Of"),
        "the biharmonic is split");
    double[] weights = {0.3, -0.7, 1.1, 0.45};
    for (double[] x : SeededPoints.uniform(16, 3, 5, -1, 1)) {
      double actual = (double) c.method("split.KernelsOperators", "logOnePlusSquareOperator",
          double[].class, double[].class, int.class).invoke(x, weights, weights.length);
      OracleResult expected = Oracle.of(5, 4, v -> {
        DerivativeStructure s = v[0].getField().getZero();
        for (double w : weights) {
          s = s.add(v[0].multiply(w).add(v[1]).sin().multiply(v[2].subtract(v[3].multiply(w)).cos()))
              .add(v[4].multiply(v[4]).multiply(w));
        }
        return s.multiply(s).add(1).log();
      }).at(x);
      double scale = 1 + Math.abs(expected.biharmonic()) + sumOfPureFourths(expected, 5);
      Numerics.assertClose(expected.biharmonic(), actual, 1e-11, 1e-11 * scale, "Δ²log(1 + s²) at dim 5");
    }
  }

  /** The oracle's version of the kernel sums above. */
  private static DerivativeStructure kernelSum(DerivativeStructure[] x, double[][] centers, boolean log) {
    DerivativeStructure s = x[0].getField().getZero();
    for (double[] center : centers) {
      DerivativeStructure d2 = x[0].getField().getZero();
      for (int i = 0; i < x.length; i++) {
        DerivativeStructure d = x[i].subtract(center[i]);
        d2 = d2.add(d.multiply(d));
      }
      s = s.add(d2.negate().exp());
    }
    if (log) {
      return s.log();
    }
    DerivativeStructure r2 = x[0].getField().getZero();
    for (int i = 0; i < x.length; i++) {
      r2 = r2.add(x[i].sin().multiply(x[x.length - 1 - i]));
    }
    return s.multiply(r2.negate().exp());
  }

  static void assertMatches(OracleResult expected, LaplacianResult actual, String what) {
    double scale = 1 + Math.abs(expected.value()) + Math.abs(expected.laplacian());
    for (int i = 0; i < expected.gradient().length; i++) {
      int[] orders = new int[expected.gradient().length];
      orders[i] = 2;
      scale += Math.abs(expected.gradient()[i]) + Math.abs(expected.partial(orders));
    }
    Numerics.assertClose(expected.value(), actual.value(), 1e-11, 1e-11 * scale, what + " value");
    for (int i = 0; i < expected.gradient().length; i++) {
      Numerics.assertClose(expected.gradient()[i], actual.gradient(i), 1e-11, 1e-11 * scale, what + " ∂" + i);
    }
    Numerics.assertClose(expected.laplacian(), actual.laplacian(), 1e-11, 1e-11 * scale, what + " Δ");
  }

  private static double sumOfPureFourths(OracleResult r, int dim) {
    double sum = 0;
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b < dim; b++) {
        int[] orders = new int[dim];
        orders[a] += 2;
        orders[b] += 2;
        sum += Math.abs(r.partial(orders));
      }
    }
    return sum;
  }

  static CompiledSources compile(String name, String source) {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile(name, source);
    c.assertSucceeded();
    MethodSizes.assertAllMethodsAtMost(c.classFiles(), 8000);
    return c;
  }
}
