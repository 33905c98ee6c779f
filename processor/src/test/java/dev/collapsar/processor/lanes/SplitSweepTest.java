package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The biharmonic of a tanh network keeps three rows per unit (collapsed: orders 1–3 of 25 directions)
 * or four (standard). Collapsed, four units are jammed ({@code UnrollAndJam.FOUR_UNITS_ROWS}),
 * standard two ({@code UnrollAndJam.SPLIT_ROWS}); the sweep is split into one loop per row, all jammed
 * units' updates of that row reading its two source rows once ({@code SourceGroups}). Odd layer widths run the remainder loops.
 * Against Hipparchus at order 4, 1e-11 relative to the size of the pure fourth derivatives, plain
 * sweeps and {@code -Acollapsar.fma=true}.
 */
class SplitSweepTest {
  private static final int DIM = 5;
  private static final TanhNetwork NETWORK = TanhNetwork.random(2026, DIM, 9, 7, 1);

  private static String source(String mode) {
    return """
        package ss;

        import dev.collapsar.LinearPDE;
        import dev.collapsar.Mode;

        final class Net {
          @LinearPDE(value = "biharmonic", name = "bih", wrt = "x", dim = 5, mode = Mode.%s)
          static double net(double[] x, double[][][] w, double[][] b, double[] v) {
        %s  }
        }
        """.formatted(mode, TanhNetwork.LAYER_LOOP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED plain", "STANDARD plain", "COLLAPSED fma", "STANDARD fma"})
  void jammedUnitsOneLoopPerRowAndExact(String variant) throws Exception {
    String[] parts = variant.split(" ");
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.fma=" + parts[1].equals("fma"))
        .compile("ss.Net", source(parts[0]));
    compiled.assertSucceeded();
    int rows = parts[0].equals("COLLAPSED") ? 3 : 4;
    int units = parts[0].equals("COLLAPSED") ? 4 : 2;
    String sweep = firstSweep(compiled.generatedSource("ss.NetOperators"));
    assertEquals(rows, count(sweep, Pattern.compile("for \\(int \\w+ = 0; \\w+ < 25; \\w+\\+\\+\\)")),
        "one direction loop per row:\n" + sweep);
    assertEquals(units * rows, count(sweep, Pattern.compile("(?m)^\\s+\\w+\\[\\w+] = ")),
        units + " units per row:\n" + sweep);
    assertExact(compiled, variant);
  }

  /**
   * On {@code jdk.incubator.vector} the jammed units' rows are one register-blocked sweep (twelve
   * accumulator rows collapsed, eight standard, each source row loaded once for all units): reference
   * network, collapsed, {@code Drift} best call, JDK 17, one unit 11.1–12.9 ms, two 6.4–7.6, four 4.2.
   */
  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void onVectorsTheTwoUnitsShareOneSweep(String mode) throws Exception {
    CompiledSources compiled = onVectors(mode);
    String accumulators = "acc" + (mode.equals("COLLAPSED") ? 4 * 3 - 1 : 2 * 4 - 1) + "_0 = src";
    assertTrue(compiled.generatedSource("ss.NetOperators").contains(accumulators), "both units' rows in one sweep");
    assertExact(compiled, mode + " vector");
  }

  /**
   * On 512-bit vectors the sweep is one pass per source row (a Taylor coefficient), each over all 25
   * lanes of the jammed units' rows that read it (four vectors, the last ending at lane 25), instead of
   * blocks of every row that read all sources at their lanes in three passes: reference network,
   * {@code BatchVsPoint biharmonic 64 8}, 5.5 → 3.9 ms. Exact either way: with 32 registers (this
   * machine's AVX-512: the passes) and with 16 (the blocks).
   */
  @ParameterizedTest
  @ValueSource(strings = {"COLLAPSED", "STANDARD"})
  void onWideVectorsEachSourceRowIsOnePass(String mode) throws Exception {
    CompiledSources compiled = onVectors(mode);
    String generated = compiled.generatedSource("ss.NetOperators");
    int groups = mode.equals("COLLAPSED") ? 3 : 4;
    assertTrue(generated.contains("if (vectorLength == 8 && VECTOR_REGISTERS >= 32) {"),
        "the passes where vectors have 8 lanes and there are 32 registers");
    String pass = method(generated, "Sweep1Group" + groups);
    assertEquals(0, count(generated, Pattern.compile("Sweep1Group" + (groups + 1) + "\\(")), "one pass per source row");
    assertEquals(1, count(pass, Pattern.compile("= \\w+\\[j\\w*]; *\\n")), "the pass loads its own source row only:\n"
        + pass);
    assertTrue(pass.contains("acc0_3 = DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, ")
        && pass.contains(", (25 - vectorLength));"), "four vectors per row, the last ending at the row's end");
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 8000);
    assertExact(compiled, mode + " source-row passes");
    String before = System.getProperty("collapsar.vectorRegisters");
    System.setProperty("collapsar.vectorRegisters", "16");
    try {
      assertExact(onVectors(mode), mode + " blocks for 16 registers");
    } finally {
      if (before == null) {
        System.clearProperty("collapsar.vectorRegisters");
      } else {
        System.setProperty("collapsar.vectorRegisters", before);
      }
    }
  }

  private static CompiledSources onVectors(String mode) {
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("--add-modules", "jdk.incubator.vector", "-Acollapsar.vector=true")
        .compile("ss.Net", source(mode));
    compiled.assertSucceeded();
    return compiled;
  }

  private static String method(String source, String suffix) {
    Matcher m = Pattern.compile("private static void \\w*" + suffix + "\\(").matcher(source);
    assertTrue(m.find(), "a method *" + suffix);
    return source.substring(m.start(), source.indexOf("\n  }\n", m.start()));
  }

  private static void assertExact(CompiledSources compiled, String variant) throws Exception {
    for (double[] x : SeededPoints.uniform(77, 4, DIM, -1, 1)) {
      double actual = (double) compiled.method("ss.NetOperators", "bih", double[].class, double[][][].class,
          double[][].class, double[].class).invoke(x, NETWORK.w(), NETWORK.b(), NETWORK.v());
      OracleResult expected = Oracle.of(DIM, 4, NETWORK::value).at(x);
      double scale = 1 + Math.abs(expected.biharmonic()) + pureFourths(expected);
      Numerics.assertClose(expected.biharmonic(), actual, 1e-11, 1e-11 * scale, variant);
    }
  }

  private static String firstSweep(String source) {
    Matcher m = Pattern.compile("private static void \\w*Sweep1\\(").matcher(source);
    assertTrue(m.find(), "an outlined sweep");
    int end = source.indexOf("\n  }\n", m.start());
    return source.substring(m.start(), end);
  }

  private static int count(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static double pureFourths(OracleResult r) {
    double sum = 0;
    for (int i = 0; i < DIM; i++) {
      int[] orders = new int[DIM];
      orders[i] = 4;
      sum += Math.abs(r.partial(orders));
    }
    return sum;
  }
}
