package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A layer's unit loop runs four units at once when its iterations are independent, and only then: a
 * dense layer is jammed; a layer that reads units it wrote earlier in the same loop (directly or
 * through a second name for the array) is not, nor is the output sum carried across units. The
 * dense layer's units also sum straight into their own coefficient rows ({@code RowAccumulators}).
 * Each case against Hipparchus at 32 coordinates (wide enough for direction loops), with 1e-12
 * relative tolerance; unit counts that are not multiples of four exercise the remainder loop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnrollAndJamTest {
  private static final int DIM = 32;
  private static final int HIDDEN = 6;
  private static final int UNITS = 7;
  /** The first layer, h = tanh(v·x), whose width v.length is known at run time. */
  private static final String FIRST_LAYER = """
          double[] h = new double[v.length];
          for (int i = 0; i < h.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
              s += v[i][j] * x[j];
            }
            h[i] = Math.tanh(s);
          }
      """;

  /** A method whose second layer's unit i starts from {@code start}, after {@code before}. */
  private static String method(String doc, String name, String before, String start) {
    return """
          /** %s */
          @Laplacian(wrt = "x", dim = 32)
          static double %s(double[] x, double[][] v, double[][] w, double[] c) {
        """.formatted(doc, name) + FIRST_LAYER + """
            double[] z = new double[w.length];
            %s
            for (int i = 0; i < z.length; i++) {
              double s = %s;
              for (int j = 0; j < h.length; j++) {
                s += w[i][j] * h[j];
              }
              z[i] = Math.tanh(s);
            }
            double out = 0;
            for (int i = 0; i < z.length; i++) {
              out += c[i] * z[i];
            }
            return out;
          }
        """.formatted(before, start);
  }

  private static final String SOURCE = "package uj;\n\nimport dev.collapsar.Laplacian;\n\nfinal class Layers {\n"
      + method("Two dense layers and a sum: the second layer's units are independent.", "dense", "", "0")
      + method("Unit i reads unit i / 2 of the same loop: iterations depend on each other.", "recurrent", "",
          "0.5 * z[i / 2]")
      + method("The same dependence through a second name for the array.", "aliased", "double[] previous = z;",
          "0.5 * previous[i / 2]")
      + "}\n";

  private CompiledSources compiled;
  private Class<?> operators;
  private double[][] v;
  private double[][] w;
  private double[] c;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror").compile("uj.Layers", SOURCE);
    compiled.assertSucceeded();
    operators = compiled.load("uj.LayersOperators");
    SplittableRandom random = new SplittableRandom(50);
    v = new double[HIDDEN][DIM];
    w = new double[UNITS][HIDDEN];
    c = new double[UNITS];
    for (double[] row : v) {
      for (int j = 0; j < DIM; j++) {
        row[j] = random.nextDouble(-0.3, 0.3);
      }
    }
    for (int i = 0; i < UNITS; i++) {
      for (int j = 0; j < HIDDEN; j++) {
        w[i][j] = random.nextDouble(-0.6, 0.6);
      }
      c[i] = random.nextDouble(-1, 1);
    }
  }

  @Test
  void onlyTheIndependentLayerIsJammed() {
    assertEquals(1, jammed("denseLaplacianKernel"), "the dense layer, four units at a time");
    assertEquals(0, jammed("recurrentLaplacianKernel"), "unit i reads z[i / 2], written by an earlier unit");
    assertEquals(0, jammed("aliasedLaplacianKernel"), "unit i reads previous[i / 2], the same array");
  }

  @Test
  void theDenseLayerSumsIntoItsOwnRows() {
    java.util.regex.Pattern intoRow = java.util.regex.Pattern.compile("double\\[] z_d1_row = z_d1\\[i");
    assertTrue(intoRow.matcher(compiled.generatedMethod("uj.LayersOperators", "denseLaplacianKernel")).find(),
        "unit i accumulates its coefficients in z_d1[i], not in a per-thread array copied out afterwards");
    assertTrue(!intoRow.matcher(compiled.generatedMethod("uj.LayersOperators", "recurrentLaplacianKernel")).find(),
        "unit i reads the rows of unit i / 2: its sums stay in per-thread arrays");
  }

  @Test
  void allThreeAreExact() throws Exception {
    check("dense", x -> value(x, false));
    check("recurrent", x -> value(x, true));
    check("aliased", x -> value(x, true));
  }

  private void check(String name, Oracle.DsFunction f) throws Exception {
    Oracle oracle = Oracle.of(DIM, 2, f);
    Method m = operators.getMethod(name + "Laplacian", double[].class, double[][].class, double[][].class, double[].class);
    m.setAccessible(true);
    for (double[] x : SeededPoints.uniform(51, 3, DIM, -1, 1)) {
      double expected = oracle.at(x).laplacian();
      Numerics.assertClose(expected, (double) m.invoke(null, x, v, w, c), 1e-12, 1e-12 * (1 + Math.abs(expected)), name);
    }
  }

  /** The methods' network; with {@code recurrent}, unit i of the second layer starts from 0.5·z[i / 2]. */
  private DerivativeStructure value(DerivativeStructure[] x, boolean recurrent) {
    DerivativeStructure zero = x[0].getField().getZero();
    DerivativeStructure[] h = new DerivativeStructure[HIDDEN];
    for (int i = 0; i < HIDDEN; i++) {
      DerivativeStructure s = zero;
      for (int j = 0; j < DIM; j++) {
        s = s.add(x[j].multiply(v[i][j]));
      }
      h[i] = s.tanh();
    }
    DerivativeStructure[] z = new DerivativeStructure[UNITS];
    java.util.Arrays.fill(z, zero);
    DerivativeStructure out = zero;
    for (int i = 0; i < UNITS; i++) {
      DerivativeStructure s = recurrent ? z[i / 2].multiply(0.5) : zero;
      for (int j = 0; j < HIDDEN; j++) {
        s = s.add(h[j].multiply(w[i][j]));
      }
      z[i] = s.tanh();
      out = out.add(z[i].multiply(c[i]));
    }
    return out;
  }

  /** How many loops of the operator's kernel run four units per iteration. */
  private int jammed(String kernel) {
    String text = compiled.generatedMethod("uj.LayersOperators", kernel);
    return text.split("while \\(3 \\+ \\w+ < ", -1).length - 1;
  }
}
