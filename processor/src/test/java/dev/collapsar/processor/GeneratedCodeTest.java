package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Goldens;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Properties of the generated source as a product: goldens for canonical functions, determinism,
 * warning-free output, and no method above HotSpot's 8000-byte JIT limit.
 */
class GeneratedCodeTest {
  static final String FIELDS = """
      package golden;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Fields {
        @Laplacian
        static double u(double x, double y) {
          return Math.sin(x) * Math.exp(y) + x * x * y;
        }

        @Laplacian(mode = Mode.STANDARD)
        static double uStandard(double x, double y) {
          return Math.sin(x) * Math.exp(y) + x * x * y;
        }

        @Laplacian(dim = 3)
        static double psi(double[] r) {
          double r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
          return Math.exp(-Math.sqrt(r2));
        }

        @Laplacian
        static double piecewise(double x, double y) {
          double s = x * y;
          if (s > 1) {
            s = Math.log(s);
          } else {
            s = s - 1;
          }
          if (x < 0) return s * y;
          return s * s;
        }
      }
      """;

  @Test
  void goldens() {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("golden.Fields", FIELDS);
    c.assertSucceeded();
    Goldens.assertMatches("FieldsOperators.java", c.generatedSource("golden.FieldsOperators"));
  }

  @Test
  void outputIsDeterministicWhateverTheOrderOfFiles() {
    String other = "package golden;\nimport dev.collapsar.Laplacian;\nfinal class Other {\n"
        + "  @Laplacian static double v(double a, double b) { return Math.atan2(a, b) * a; }\n}\n";
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("golden.Fields", FIELDS);
    forward.put("golden.Other", other);
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("golden.Other", other);
    backward.put("golden.Fields", FIELDS);
    CompiledSources a = CollapsarCompiler.with(CollapsarProcessor::new).compile(forward);
    CompiledSources b = CollapsarCompiler.with(CollapsarProcessor::new).compile(backward);
    assertEquals(a.generatedSource("golden.FieldsOperators"), b.generatedSource("golden.FieldsOperators"));
    assertEquals(a.generatedSource("golden.OtherOperators"), b.generatedSource("golden.OtherOperators"));
  }

  /** A 3 → 24 → 24 → 1 tanh network unrolled at compile time: far more code than one method may hold. */
  static final String NETWORK = """
      package big;

      import dev.collapsar.Laplacian;

      final class Network {
        static final int WIDTH = 24;

        @Laplacian(wrt = {"x", "y", "z"})
        static double u(double x, double y, double z, double[][] w1, double[][] w2, double[] w3) {
          double out = 0;
          for (int i = 0; i < WIDTH; i++) {
            double s = 0;
            for (int j = 0; j < WIDTH; j++) {
              s += w2[i][j] * Math.tanh(w1[j][0] * x + w1[j][1] * y + w1[j][2] * z + 0.1 * j);
            }
            out += w3[i] * Math.tanh(s);
          }
          return out;
        }
      }
      """;

  @Test
  void largeBodiesAreSplitBelowTheJitLimitAndStayExact() throws Exception {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("big.Network", NETWORK);
    c.assertSucceeded();
    MethodSizes.assertAllMethodsAtMost(c.classFiles(), 8000);
    assertTrue(c.generatedSource("big.NetworkOperators").contains("Part2Of"), "the body was split");

    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    double[][] w1 = new double[24][3];
    double[][] w2 = new double[24][24];
    double[] w3 = new double[24];
    for (int i = 0; i < 24; i++) {
      for (int j = 0; j < 3; j++) {
        w1[i][j] = random.nextDouble(-1, 1);
      }
      for (int j = 0; j < 24; j++) {
        w2[i][j] = random.nextDouble(-0.3, 0.3);
      }
      w3[i] = random.nextDouble(-1, 1);
    }
    Oracle oracle = Oracle.of(3, 2, v -> {
      DerivativeStructure out = v[0].getField().getZero();
      for (int i = 0; i < 24; i++) {
        DerivativeStructure s = v[0].getField().getZero();
        for (int j = 0; j < 24; j++) {
          s = s.add(v[0].multiply(w1[j][0]).add(v[1].multiply(w1[j][1])).add(v[2].multiply(w1[j][2])).add(0.1 * j)
              .tanh().multiply(w2[i][j]));
        }
        out = out.add(s.tanh().multiply(w3[i]));
      }
      return out;
    });
    var method = c.load("big.NetworkOperators").getMethod("uLaplacian", double.class, double.class, double.class,
        double[][].class, double[][].class, double[].class);
    method.setAccessible(true);
    for (double[] p : SeededPoints.uniform(11, 5, 3, -1, 1)) {
      double actual = (double) method.invoke(null, p[0], p[1], p[2], w1, w2, w3);
      Numerics.assertClose(oracle.at(p).laplacian(), actual, 1e-11, 1e-11, "Δ of the network");
    }
  }
}
