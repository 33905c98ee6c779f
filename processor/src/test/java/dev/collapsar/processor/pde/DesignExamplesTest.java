package dev.collapsar.processor.pde;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * The operators the issue lists as "must work", each on a smooth test function, against the operator
 * applied by hand to Hipparchus's partial derivatives. Tolerance 1e-10 relative to the term sizes.
 */
class DesignExamplesTest {
  private static final String SOURCE = """
      package examples;

      import dev.collapsar.LinearPDE;

      final class Examples {
        @LinearPDE(value = "D[t] - 0.5*D[x,x]", name = "heat")
        static double f2(double t, double x) {
          return Math.exp(0.3 * t - x * x) * Math.cos(x + t);
        }

        @LinearPDE(value = "D[t,t] - c*c*D[x,x]", name = "wave", wrt = {"t", "x"})
        static double f2c(double t, double x, double c) {
          return Math.exp(0.3 * t - x * x) * Math.cos(x + t);
        }

        @LinearPDE(value = "D[t] + 0.5*sigma*sigma*s*s*D[s,s] + r*s*D[s] - r*u", name = "blackScholes",
            wrt = {"t", "s"})
        static double bs(double t, double s, double sigma, double r) {
          return Math.exp(0.3 * t - s * s) * Math.cos(s + t);
        }

        @LinearPDE(value = "D[t] + D[x,x,x]", name = "kdv")
        static double kdv(double t, double x) {
          return Math.exp(0.3 * t - x * x) * Math.cos(x + t);
        }

        @LinearPDE(value = "D[x,x,y,y] + 3*D[x,x,x,y]", name = "mixed")
        static double mixed(double x, double y) {
          return Math.exp(0.3 * x - y * y) * Math.cos(x + y);
        }

        @LinearPDE(value = "biharmonic", name = "plate")
        static double plate(double x, double y) {
          return Math.exp(0.3 * x - y * y) * Math.cos(x + y);
        }

        @LinearPDE(value = "laplacian - 2*D[x[0]] + 3*u", name = "shifted", dim = 2)
        static double shifted(double[] x) {
          return Math.exp(0.3 * x[0] - x[1] * x[1]) * Math.cos(x[0] + x[1]);
        }
      }
      """;

  private static DerivativeStructure f(DerivativeStructure a, DerivativeStructure b) {
    return a.multiply(0.3).subtract(b.multiply(b)).exp().multiply(a.add(b).cos());
  }

  @Test
  void everyExampleOperatorIsExact() throws Exception {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("examples.Examples", SOURCE);
    c.assertSucceeded();
    Class<?> ops = c.load("examples.ExamplesOperators");
    Oracle oracle = Oracle.of(2, 4, v -> f(v[0], v[1]));
    double sigma = 0.3;
    double r = 0.04;
    double speed = 1.7;
    for (double[] p : SeededPoints.uniform(99, 10, 2, -1, 1)) {
      OracleResult o = oracle.at(p);
      check(ops, "heat", new Object[] {p[0], p[1]}, o, q -> q.partial(1, 0) - 0.5 * q.partial(0, 2));
      check(ops, "wave", new Object[] {p[0], p[1], speed}, o, q -> q.partial(2, 0) - speed * speed * q.partial(0, 2));
      check(ops, "blackScholes", new Object[] {p[0], p[1], sigma, r}, o, q -> q.partial(1, 0)
          + 0.5 * sigma * sigma * p[1] * p[1] * q.partial(0, 2) + r * p[1] * q.partial(0, 1) - r * q.value());
      check(ops, "kdv", new Object[] {p[0], p[1]}, o, q -> q.partial(1, 0) + q.partial(0, 3));
      check(ops, "mixed", new Object[] {p[0], p[1]}, o, q -> q.partial(2, 2) + 3 * q.partial(3, 1));
      check(ops, "plate", new Object[] {p[0], p[1]}, o, q -> q.partial(4, 0) + 2 * q.partial(2, 2) + q.partial(0, 4));
      check(ops, "shifted", new Object[] {new double[] {p[0], p[1]}}, o,
          q -> q.partial(2, 0) + q.partial(0, 2) - 2 * q.partial(1, 0) + 3 * q.value());
    }
  }

  private static void check(Class<?> ops, String name, Object[] args, OracleResult o, ToDoubleFunction<OracleResult> expected)
      throws Exception {
    Method m = null;
    for (Method candidate : ops.getDeclaredMethods()) {
      if (candidate.getName().equals(name)) {
        m = candidate;
      }
    }
    m.setAccessible(true);
    double e = expected.applyAsDouble(o);
    double scale = 1;
    for (int a = 0; a <= 4; a++) {
      for (int b = 0; a + b <= 4; b++) {
        scale += Math.abs(o.partial(a, b));
      }
    }
    Numerics.assertClose(e, (double) m.invoke(null, args), 1e-10, 1e-12 * scale, name);
  }
}
