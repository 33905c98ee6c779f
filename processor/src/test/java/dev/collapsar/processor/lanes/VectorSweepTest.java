package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.DiagnosticAssert;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * With {@code -Acollapsar.vector=true} and {@code jdk.incubator.vector} visible, a layer's jet sweep
 * is a register-blocked kernel on {@code DoubleVector} in methods of its own, which also run the
 * layer's value and Laplacian sums (in the pass of the last lanes, or in a loop of their own) and hand
 * them back through a pooled array. Rows of 12 lanes (one vector of the 8 that AVX-512 holds, then four
 * lanes scalar) and of 50 (a block of two vectors ending at the row's end, then five vectors from lane
 * 0, overlapping it), both modes and a run-time dimension (32- and 16-lane passes: whole vectors):
 * exact against Hipparchus within 1e-12 relative (one rounding per multiply-add, as
 * {@code -Acollapsar.fma=true}); every method under 8000 bytes. Without the module the option is a
 * warning and the kernels are those of the other options.
 */
class VectorSweepTest {
  private static final String[] OPERATORS = {"netLaplacian", "standardLaplacian", "anyDimensionLaplacian"};

  @Test
  void twelveLanesRunOnVectorsAndStayExact() throws Exception {
    vectorKernelsStayExact(12, 31);
  }

  @Test
  void fiftyLanesRunOnVectorsAndStayExact() throws Exception {
    vectorKernelsStayExact(50, 37);
  }

  /**
   * With 16 vector registers (AVX2; here forced by the system property the generated class reads
   * once), the sweeps start from blocks that fit them, two vectors per row for four rows and a
   * source, and the last lanes' block has one vector per row: blocks planned for 32 registers spilled
   * and made the vector build 1.8× slower than the default one there. Same values: per lane the
   * multiply-adds are the same whatever the blocks.
   */
  @Test
  void sixteenRegistersPlanSmallerBlocksAndStayExact() throws Exception {
    String before = System.getProperty(REGISTERS);
    System.setProperty(REGISTERS, "16");
    try {
      String generated = vectorKernelsStayExact(50, 41);
      assertTrue(generated.contains("private static final int VECTOR_REGISTERS = Integer.getInteger("
          + "\"collapsar.vectorRegisters\", DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? 32 : 16);"),
          "the platform's registers, read once");
      assertTrue(generated.contains("int widest = Math.min(6, (VECTOR_REGISTERS - 2) / 5);")
          && generated.contains("vectors >= 6 && widest >= 6;"), "blocks only as wide as the registers hold");
      assertTrue(generated.matches("(?s).*if \\(VECTOR_REGISTERS >= 32\\) \\{\\s*if \\(2 \\* vectorLength <= 50.*"
          + "\\} else \\{\\s*if \\(vectorLength <= 50.*"), "the last lanes' block: two vectors per row, or one");
    } finally {
      if (before == null) {
        System.clearProperty(REGISTERS);
      } else {
        System.setProperty(REGISTERS, before);
      }
    }
  }

  /**
   * One source row for four jammed units, 50 lanes: the blocks take two passes (five vectors, then
   * the last lanes' two vectors with the layer's sums), so on 512-bit vectors with 32 registers the
   * sweep is one pass of 28 accumulators, seven vectors per row, the last ending at lane 50, and the
   * sums run in a loop of their own ({@code SourceGroupPasses}; reference network's Laplacian
   * 2.49–2.55 → 2.27–2.41 ms). This machine takes that path; the test above (16 registers) the blocks.
   */
  @Test
  void fiftyLanesOfOneSourceAreOnePassOnWideVectors() throws Exception {
    String generated = vectorKernelsStayExact(50, 43);
    assertTrue(generated.contains("if (vectorLength == 8 && VECTOR_REGISTERS >= 32) {"), "the plan's condition");
    int start = generated.indexOf("private static void netLaplacianKernelSweep1Group1(");
    assertTrue(start >= 0, "one pass");
    String pass = generated.substring(start, generated.indexOf("\n  }\n", start));
    assertTrue(pass.contains("acc3_6 = DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, ")
        && pass.contains("acc3_6.intoArray(") && pass.contains(", (50 - vectorLength));")
        && !pass.contains("acc4_0") && !pass.contains("acc0_7"), "four rows of seven vectors, the last at the end:\n"
        + pass);
    assertFalse(generated.contains("netLaplacianKernelSweep1Group2("), "one group");
  }

  private static final String REGISTERS = "collapsar.vectorRegisters";

  private static String vectorKernelsStayExact(int dim, long seed) throws Exception {
    String source = LaneLoopsTest.SOURCE.replace("dim = 12", "dim = " + dim);
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("--add-modules", "jdk.incubator.vector", "-Acollapsar.lanes=LOOPS", "-Acollapsar.vector=true")
        .compile("ll.Nets", source);
    compiled.assertSucceeded();
    String generated = compiled.generatedSource("ll.NetsOperators");
    assertTrue(generated.contains("import jdk.incubator.vector.DoubleVector;"), "vector kernels");
    assertTrue(generated.matches("(?s).*private static void netLaplacianKernelSweep1\\(.*"
        + "DoubleVector acc0_0 = DoubleVector\\.fromArray.*for \\(int j\\w*_v = j\\w*;.*acc0_0 = src0_0\\.fma\\(.*"),
        "accumulators loaded before the reduction index runs, one fma per lane block and term");
    assertFalse(generated.contains("Sweep1(double[] t"), "no two-step sweep over one row pair");
    assertTrue(generated.contains("private static void netLaplacianKernelSweep1Block1("),
        "one small method per block size (C1 could not compile them as one, and they then allocated)");
    assertTrue(generated.matches("(?s).*carry\\w*\\[0\\] = s\\w*;.*= carry\\w*\\[0\\];.*"),
        "the value and Laplacian sums computed in the sweep and handed back");
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 8000);
    TanhNetwork network = TanhNetwork.random(seed, dim, 11, 13, 9);
    Oracle oracle = Oracle.of(dim, 2, network::value);
    Class<?> operators = compiled.load("ll.NetsOperators");
    for (String name : OPERATORS) {
      Method m = operators.getMethod(name, double[].class, double[][][].class, double[][].class, double[].class);
      m.setAccessible(true);
      for (double[] x : SeededPoints.uniform(seed + 1, 3, dim, -1, 1)) {
        double expected = oracle.at(x).laplacian();
        Numerics.assertClose(expected, (double) m.invoke(null, x, network.w(), network.b(), network.v()), 1e-12,
            1e-12 * (1 + Math.abs(expected)), name + " in " + dim + " dimensions");
      }
    }
    return generated;
  }

  @Test
  void withoutTheModuleTheOptionIsAWarningAndTheCodeStaysScalar() {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Acollapsar.lanes=LOOPS", "-Acollapsar.vector=true").compile("ll.Nets", LaneLoopsTest.SOURCE);
    compiled.assertSucceeded();
    DiagnosticAssert.assertWarning(compiled, "Collapsar/VectorModule",
        "that module is not visible to this compilation", 8);
    DiagnosticAssert.assertWarning(compiled, "Collapsar/VectorModule",
        "Hint: Compile with --add-modules jdk.incubator.vector", 8);
    assertFalse(compiled.generatedSource("ll.NetsOperators").contains("DoubleVector"));
  }

  @Test
  void aValueOtherThanTrueOrFalseIsAClearError() {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Acollapsar.vector=on")
        .compile("ll.Nets", LaneLoopsTest.SOURCE);
    DiagnosticAssert.assertError(c, "Collapsar/BadOption", "-Acollapsar.vector=on", 8);
  }
}
