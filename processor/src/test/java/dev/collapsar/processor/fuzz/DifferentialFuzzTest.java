package dev.collapsar.processor.fuzz;

import dev.collapsar.LaplacianResult;
import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing: seeded random programs of the supported subset (every Math function,
 * locals and reassignment, branches, constant loops, early returns) are compiled with the processor
 * and compared with Hipparchus at random points. {@code -Dcollapsar.fuzz.programs=N} runs N programs
 * (default 300). A failure prints the program's source and its seed; so does any processor error.
 *
 * <p>Points where the oracle's values exceed 1e12 (random compositions can overflow) are skipped
 * and counted; at least three quarters of all points must be compared.
 *
 * <p>Tolerance: 1e-8 relative to the size of the terms (1 + |u| + |∇u|₁ + Σ|∂ᵢᵢu|): a wrong rule is
 * off by O(1), while long random compositions lose a few digits to rounding.
 */
class DifferentialFuzzTest {
  private static final int BATCH = 60;
  private static final double TOLERANCE = 1e-8;
  private static final double ILL_CONDITIONED = 1e12;
  private static int checked;
  private static int skipped;

  @Test
  void randomProgramsMatchTheOracle() throws Exception {
    int programs = Integer.getInteger("collapsar.fuzz.programs", 300);
    long baseSeed = Long.getLong("collapsar.fuzz.seed", 20261122L);
    for (int start = 0; start < programs; start += BATCH) {
      runBatch(baseSeed, start, Math.min(BATCH, programs - start));
    }
    System.out.printf("differential fuzzing: %d programs, %d points compared, %d points skipped as ill-conditioned%n",
        programs, checked, skipped);
    if (checked < 3 * programs) {
      throw new AssertionError("too few points compared: " + checked + " of " + (checked + skipped));
    }
  }

  private static void runBatch(long baseSeed, int start, int count) throws Exception {
    List<RandomProgram> batch = new ArrayList<>();
    StringBuilder source = new StringBuilder("package fuzz;\n\nimport dev.collapsar.Laplacian;\n\nfinal class Batch {\n");
    for (int i = 0; i < count; i++) {
      RandomProgram p = new RandomProgram.Generator(baseSeed + start + i).program("f" + (start + i));
      batch.add(p);
      source.append(p.java()).append('\n');
    }
    source.append("}\n");
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).compile("fuzz.Batch", source.toString());
    if (!c.succeeded()) {
      throw new AssertionError("the processor rejected generated programs of seeds " + (baseSeed + start) + ".."
          + (baseSeed + start + count - 1) + ":\n" + c.describeDiagnostics() + "\n" + source);
    }
    Class<?> operators = c.load("fuzz.BatchOperators");
    for (int i = 0; i < count; i++) {
      check(operators, batch.get(i), baseSeed + start + i);
    }
  }

  private static void check(Class<?> operators, RandomProgram p, long seed) throws Exception {
    Class<?>[] types = new Class<?>[p.dimension];
    java.util.Arrays.fill(types, double.class);
    Method evaluate = operators.getMethod(p.name + "Evaluate", types);
    evaluate.setAccessible(true);
    Oracle oracle = Oracle.of(p.dimension, 2, p::eval);
    for (double[] point : SeededPoints.uniform(seed, 4, p.dimension, -2, 2)) {
      Object[] args = new Object[point.length];
      for (int i = 0; i < point.length; i++) {
        args[i] = point[i];
      }
      LaplacianResult actual = (LaplacianResult) evaluate.invoke(null, args);
      OracleResult expected = oracle.at(point);
      double scale = 1 + Math.abs(expected.value());
      for (int i = 0; i < p.dimension; i++) {
        int[] orders = new int[p.dimension];
        orders[i] = 2;
        scale += Math.abs(expected.gradient()[i]) + Math.abs(expected.partial(orders));
      }
      if (!(scale < ILL_CONDITIONED)) {
        skipped++;
        continue; // overflowed or astronomically large: the oracle's own rounding decides the digits
      }
      checked++;
      String what = "seed " + seed + " at " + java.util.Arrays.toString(point) + "\n" + p.java();
      near(expected.value(), actual.value(), scale, "value, " + what);
      for (int i = 0; i < p.dimension; i++) {
        near(expected.gradient()[i], actual.gradient(i), scale, "∂" + i + ", " + what);
      }
      near(expected.laplacian(), actual.laplacian(), scale, "Laplacian, " + what);
    }
  }

  private static void near(double expected, double actual, double scale, String what) {
    if (!(Math.abs(expected - actual) <= TOLERANCE * scale) && !(Double.isNaN(expected) && Double.isNaN(actual))) {
      throw new AssertionError("expected " + expected + " but was " + actual + " (tolerance " + TOLERANCE * scale
          + ") for " + what);
    }
  }
}
