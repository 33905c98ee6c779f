package dev.collapsar.processor;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loops whose trip count is known only at run time stay loops in the generated code, with the
 * loop-carried components in locals. Value, gradient and Laplacian against Hipparchus for a series
 * with an int bound, a one-hidden-layer network over run-time weight arrays, nested loops with a
 * branch, and a loop that swaps two variables; both modes. Tolerance 1e-12 relative to the terms.
 */
class RuntimeLoopTest {
  private static final String SOURCE = """
      package loops;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Loops {
        @Laplacian(mode = Mode.MODE)
        static double series(double x, double y, int n) {
          double s = 0;
          double term = 1;
          for (int i = 1; i <= n; i++) {
            term = term * x / i;
            s += term * Math.sin(i * y);
          }
          return s;
        }

        @Laplacian(wrt = {"x", "y"}, mode = Mode.MODE)
        static double net(double x, double y, double[][] w, double[] b, double[] v) {
          double out = 0;
          for (int i = 0; i < b.length; i++) {
            double h = Math.tanh(w[i][0] * x + w[i][1] * y + b[i]);
            out += v[i] * h;
          }
          return out;
        }

        @Laplacian(mode = Mode.MODE)
        static double nested(double x, double y, int n, int m) {
          double s = 0.5;
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j += 1) {
              if (s * x > j * 0.2) {
                s = s * Math.cos(x * j - y);
              } else {
                s += Math.exp(-x * x) * (i + 1);
              }
            }
          }
          return s * y;
        }

        @Laplacian(mode = Mode.MODE)
        static double swap(double x, double y, int n) {
          double a = x;
          double b = y * y;
          for (int k = 0; k < n; k++) {
            double t = a;
            a = b + 0.1 * Math.sin(t);
            b = t;
          }
          return a * b;
        }
      }
      """;

  @org.junit.jupiter.api.Test
  void aLongConstantLoopStaysALoop() throws Exception {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("loops.Long", """
            package loops;

            import dev.collapsar.Laplacian;

            final class Long {
              @Laplacian
              static double u(double x, double y) {
                double s = 0;
                for (int i = 0; i < 1000; i++) {
                  s += Math.sin(x * i / 1000.0) * y;
                }
                return s;
              }
            }
            """);
    c.assertSucceeded();
    org.junit.jupiter.api.Assertions.assertTrue(c.generatedSource("loops.LongOperators").contains("while (i < 1000)"));
    Method m = c.load("loops.LongOperators").getMethod("uLaplacian", double.class, double.class);
    m.setAccessible(true);
    double x = 0.7;
    double y = -0.4;
    double expected = 0;
    for (int i = 0; i < 1000; i++) {
      double k = i / 1000.0;
      expected += -k * k * Math.sin(x * k) * y;
    }
    Numerics.assertClose(expected, (double) m.invoke(null, x, y), 1e-12, 1e-12, "Δ of a 1000-trip loop");
  }

  private static final int N = 5;
  private static final int M = 4;

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void runtimeLoopsMatchTheOracle(String mode) throws Exception {
    CompiledSources c = InMode.compile("loops.Loops", SOURCE, mode);
    Class<?> ops = c.load("loops.LoopsOperators");
    SplittableRandom random = new SplittableRandom(1);
    double[][] w = new double[7][2];
    double[] b = new double[7];
    double[] v = new double[7];
    for (int i = 0; i < 7; i++) {
      w[i][0] = random.nextDouble(-1, 1);
      w[i][1] = random.nextDouble(-1, 1);
      b[i] = random.nextDouble(-0.5, 0.5);
      v[i] = random.nextDouble(-1, 1);
    }
    for (double[] p : SeededPoints.uniform(4, 8, 2, -1, 1)) {
      check(ops, "series", new Class<?>[] {int.class}, new Object[] {N}, p, RuntimeLoopTest::series);
      check(ops, "net", new Class<?>[] {double[][].class, double[].class, double[].class}, new Object[] {w, b, v}, p,
          x -> {
            DerivativeStructure out = x[0].getField().getZero();
            for (int i = 0; i < 7; i++) {
              out = out.add(x[0].multiply(w[i][0]).add(x[1].multiply(w[i][1])).add(b[i]).tanh().multiply(v[i]));
            }
            return out;
          });
      check(ops, "nested", new Class<?>[] {int.class, int.class}, new Object[] {N, M}, p, RuntimeLoopTest::nested);
      check(ops, "swap", new Class<?>[] {int.class}, new Object[] {N}, p, RuntimeLoopTest::swap);
    }
  }

  private static DerivativeStructure series(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    DerivativeStructure term = x[0].getField().getOne();
    for (int i = 1; i <= N; i++) {
      term = term.multiply(x[0]).divide(i);
      s = s.add(term.multiply(x[1].multiply(i).sin()));
    }
    return s;
  }

  private static DerivativeStructure nested(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero().add(0.5);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < M; j++) {
        if (s.getValue() * x[0].getValue() > j * 0.2) {
          s = s.multiply(x[0].multiply(j).subtract(x[1]).cos());
        } else {
          s = s.add(x[0].multiply(x[0]).negate().exp().multiply(i + 1));
        }
      }
    }
    return s.multiply(x[1]);
  }

  private static DerivativeStructure swap(DerivativeStructure[] x) {
    DerivativeStructure a = x[0];
    DerivativeStructure b = x[1].multiply(x[1]);
    for (int k = 0; k < N; k++) {
      DerivativeStructure t = a;
      a = b.add(t.sin().multiply(0.1));
      b = t;
    }
    return a.multiply(b);
  }

  private static void check(Class<?> ops, String name, Class<?>[] extraTypes, Object[] extra, double[] p,
      Oracle.DsFunction f) throws Exception {
    Class<?>[] types = new Class<?>[2 + extraTypes.length];
    types[0] = double.class;
    types[1] = double.class;
    System.arraycopy(extraTypes, 0, types, 2, extraTypes.length);
    Object[] args = new Object[2 + extra.length];
    args[0] = p[0];
    args[1] = p[1];
    System.arraycopy(extra, 0, args, 2, extra.length);
    Method m = ops.getMethod(name + "Evaluate", types);
    m.setAccessible(true);
    LaplacianResult actual = (LaplacianResult) m.invoke(null, args);
    OracleResult expected = Oracle.of(2, 2, f).at(p);
    expected.assertLaplacianMatches(actual.value(), actual.gradient(), actual.laplacian(), 1e-12, name);
  }
}
