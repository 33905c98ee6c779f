package dev.collapsar.processor.split;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run-time loop moved across every split point of a method: three unrolled sums whose size grows
 * as D², with the loop before, between or after them, for D from 4 to 28, so that the part
 * boundaries move past the loop and the loop lands in the first, a middle and the last part of a
 * split method. The loop updates locals declared at the top ({@code s}, {@code a}), which later parts
 * read. Value, gradient and Laplacian against Hipparchus, both modes, tolerance 1e-11 relative to the
 * size of the compared terms; the test also checks that the family really put the loop in the first
 * and in a middle part, so that it cannot pass by no longer splitting.
 */
class SplitPointsTest {
  private static final int[] DIMENSIONS = {4, 8, 14, 20, 28};
  private static final int POSITIONS = 4;
  private static final double[] C = new double[64];
  private static final int N = 4;

  static {
    for (int i = 0; i < C.length; i++) {
      C[i] = Math.sin(1.7 * i + 0.3) * 0.8;
    }
  }

  private static final String LOOP =
      "    for (int k = 0; k < n; k++) { s += Math.exp(-s * s) * c[k] + a * 0.01; a = a * 0.9 + s * c[k]; }\n";

  private static String method(int dim, int position, String mode) {
    String[] slots = {"", "", "", ""};
    slots[position] = LOOP;
    return "  @Laplacian(wrt = \"x\", dim = " + dim + ", mode = Mode." + mode + ")\n"
        + "  static double f" + dim + "at" + position + "(double[] x, double[] c, int n) {\n"
        + "    double s = 0.25;\n"
        + "    double a = 0;\n"
        + slots[0]
        + "    for (int i = 0; i < " + dim + "; i++) { a += Math.sin(x[i] * c[i]) * x[" + (dim - 1) + " - i]; }\n"
        + slots[1]
        + "    double b = 0;\n"
        + "    for (int i = 0; i < " + dim + "; i++) { b += Math.cos(x[i] + a * c[i]); }\n"
        + slots[2]
        + "    double e = 0;\n"
        + "    for (int i = 0; i < " + dim + "; i++) { e += Math.tanh(x[i] * b + s * c[i]); }\n"
        + slots[3]
        + "    return Math.log(1 + s * s) + a * b + e;\n"
        + "  }\n";
  }

  /** The same function on derivative structures. */
  private static DerivativeStructure oracle(DerivativeStructure[] x, int position) {
    int dim = x.length;
    DerivativeStructure[] sa = {x[0].getField().getZero().add(0.25), x[0].getField().getZero()};
    loopIf(position == 0, sa);
    for (int i = 0; i < dim; i++) {
      sa[1] = sa[1].add(x[i].multiply(C[i]).sin().multiply(x[dim - 1 - i]));
    }
    loopIf(position == 1, sa);
    DerivativeStructure b = x[0].getField().getZero();
    for (int i = 0; i < dim; i++) {
      b = b.add(x[i].add(sa[1].multiply(C[i])).cos());
    }
    loopIf(position == 2, sa);
    DerivativeStructure e = x[0].getField().getZero();
    for (int i = 0; i < dim; i++) {
      e = e.add(x[i].multiply(b).add(sa[0].multiply(C[i])).tanh());
    }
    loopIf(position == 3, sa);
    return sa[0].multiply(sa[0]).add(1).log().add(sa[1].multiply(b)).add(e);
  }

  private static void loopIf(boolean here, DerivativeStructure[] sa) {
    for (int k = 0; here && k < N; k++) {
      sa[0] = sa[0].add(sa[0].multiply(sa[0]).negate().exp().multiply(C[k]).add(sa[1].multiply(0.01)));
      sa[1] = sa[1].multiply(0.9).add(sa[0].multiply(C[k]));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void aRunTimeLoopInAnyPartMatchesTheOracle(String mode) throws Exception {
    StringBuilder source = new StringBuilder(
        "package split;\n\nimport dev.collapsar.Laplacian;\nimport dev.collapsar.Mode;\n\nfinal class Family {\n");
    for (int dim : DIMENSIONS) {
      for (int position = 0; position < POSITIONS; position++) {
        source.append(method(dim, position, mode));
      }
    }
    CompiledSources c = SplitMethodTest.compile("split.Family", source.append("}\n").toString());
    Set<String> placements = new TreeSet<>();
    for (int dim : DIMENSIONS) {
      for (int position = 0; position < POSITIONS; position++) {
        String name = "f" + dim + "at" + position;
        placements.add(placement(c.generatedMethod("split.FamilyOperators", name + "LaplacianKernel")));
        int p = position;
        Oracle oracle = Oracle.of(dim, 2, x -> oracle(x, p));
        for (double[] x : SeededPoints.uniform(dim * 10L + position, 2, dim, -1, 1)) {
          LaplacianResult actual = (LaplacianResult) c.method("split.FamilyOperators", name + "Evaluate",
              double[].class, double[].class, int.class).invoke(x, C, N);
          OracleResult expected = oracle.at(x);
          SplitMethodTest.assertMatches(expected, actual, name);
        }
      }
    }
    // The last part also holds the return, so whether a loop right before it shares that part
    // depends on the mode; a loop in the first part and one in a later part than its accumulators'
    // declarations are what must be covered.
    assertTrue(placements.containsAll(Set.of("first part", "middle part", "not split")),
        "where the family's run-time loops landed: " + placements);
  }

  /** Which part of a method's split holds its run-time loop. */
  private static String placement(String generated) {
    Matcher parts = Pattern.compile("LaplacianKernelPart(\\d+)Of(\\d+)\\(").matcher(generated);
    int count = 0;
    int loopPart = 0;
    while (parts.find()) {
      count = Integer.parseInt(parts.group(2));
      int next = generated.indexOf("LaplacianKernelPart", parts.end());
      String body = generated.substring(parts.end(), next < 0 ? generated.length() : next);
      if (body.contains("while (k < n)") && loopPart == 0) {
        loopPart = Integer.parseInt(parts.group(1));
      }
    }
    if (count == 0) {
      return "not split";
    }
    return loopPart == 1 ? "first part" : loopPart == count ? "last part" : "middle part";
  }
}
