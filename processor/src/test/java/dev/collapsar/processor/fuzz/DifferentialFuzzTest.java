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
 * Differential fuzzing: seeded random programs of the supported subset (every Math function, locals
 * and reassignment, branches, constant and run-time loops, reads of a weight array, early returns, helper
 * calls), half with
 * {@code @Laplacian} and half with a random {@code @LinearPDE} operator up to order 4, compiled with
 * the processor and compared with Hipparchus at random points. {@code -Dcollapsar.fuzz.programs=N}
 * runs N programs (default 300; 10,000 is the long run), {@code -Dcollapsar.fuzz.seed=S} another
 * sequence. A failure prints the seed and a reproducer minimized by dropping statements while it
 * still fails; any processor error fails too.
 *
 * <p>Points where the oracle's values exceed 1e9 (random compositions can overflow), or where its
 * value differs from what the user's own method returns (its arithmetic overflowed, or a comparison
 * went the other way), are skipped and counted; at least three quarters of all points must be compared.
 *
 * <p>Tolerance: relative to the size of the terms — 1e-8 for the Laplacian (1 + |u| + |∇u|₁ +
 * Σ|∂ᵢᵢu|), 1e-7 for operators up to order 4 (1 + Σ|c_α ∂^α u| + Σ_{|β|≤4}|∂^β u|, since plans combine
 * directional derivatives of the size of all those partials): a wrong rule is off by O(1),
 * while long random compositions lose digits to rounding, more so at order 4.
 */
class DifferentialFuzzTest {
  private static final int BATCH = 60;
  private static final double ILL_CONDITIONED = 1e9;

  private int checked;
  private int skipped;

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

  private void runBatch(long baseSeed, int start, int count) throws Exception {
    List<RandomProgram> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(new RandomProgram.Generator(baseSeed + start + i).program("f" + (start + i)));
    }
    CompiledSources c = compile(batch);
    if (!c.succeeded()) {
      throw new AssertionError("the processor rejected generated programs of seeds " + (baseSeed + start) + ".."
          + (baseSeed + start + count - 1) + ":\n" + c.describeDiagnostics() + "\n" + source(batch));
    }
    Class<?> operators = c.load("fuzz.BatchOperators");
    for (int i = 0; i < count; i++) {
      String failure = failure(operators, batch.get(i));
      if (failure != null) {
        throw new AssertionError("seed " + (baseSeed + start + i) + ": " + failure + "\nprogram:\n" + batch.get(i).java()
            + "\nminimized reproducer:\n" + minimize(batch.get(i)).java());
      }
    }
  }

  /** Drops top-level statements (never the final return) while the program still fails. */
  private RandomProgram minimize(RandomProgram p) throws Exception {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < p.body.size() - 1; i++) {
        RandomProgram smaller = p.without(i);
        CompiledSources c = compile(List.of(smaller));
        // only a program that still compiles and still disagrees is a smaller reproducer
        if (c.succeeded() && failure(c.load("fuzz.BatchOperators"), smaller) != null) {
          p = smaller;
          progress = true;
          break;
        }
      }
    }
    return p;
  }

  private static CompiledSources compile(List<RandomProgram> batch) {
    return CollapsarCompiler.with(CollapsarProcessor::new).compile("fuzz.Batch", source(batch));
  }

  private static String source(List<RandomProgram> batch) {
    StringBuilder source = new StringBuilder(
        "package fuzz;\n\nimport dev.collapsar.Laplacian;\nimport dev.collapsar.LinearPDE;\n\nfinal class Batch {\n");
    batch.forEach(p -> source.append(p.java()).append('\n'));
    return source.append("}\n").toString();
  }

  /** Why the generated operator disagrees with the oracle, or null if it agrees everywhere. */
  private String failure(Class<?> operators, RandomProgram p) throws Exception {
    Class<?>[] types = new Class<?>[p.dimension + 2];
    java.util.Arrays.fill(types, double.class);
    types[p.dimension] = int.class;
    types[p.dimension + 1] = double[].class;
    Method method = operators.getMethod(p.name + (p.operator == null ? "Evaluate" : "Operator"), types);
    method.setAccessible(true);
    Method primal = operators.getClassLoader().loadClass("fuzz.Batch").getDeclaredMethod(p.name, types);
    primal.setAccessible(true);
    Oracle oracle = Oracle.of(p.dimension, p.operator == null ? 2 : 4, p::eval);
    for (double[] point : SeededPoints.uniform(p.name.hashCode(), 4, p.dimension, -2, 2)) {
      Object[] args = new Object[point.length + 2];
      for (int i = 0; i < point.length; i++) {
        args[i] = point[i];
      }
      args[point.length] = RandomProgram.RUNTIME_BOUND;
      args[point.length + 1] = RandomProgram.WEIGHTS.clone();
      OracleResult expected = oracle.at(point);
      double reference = (double) primal.invoke(null, args);
      if (!(Math.abs(reference - expected.value()) <= 1e-8 * (1 + Math.abs(reference)))) {
        skipped++; // the oracle's own arithmetic overflowed or took another branch than Java's: no reference
        continue;
      }
      Object actual = method.invoke(null, args);
      String where = " at " + java.util.Arrays.toString(point);
      String problem = p.operator == null ? laplacianFailure(expected, (LaplacianResult) actual, p.dimension)
          : operatorFailure(expected, (double) actual, p.operator);
      if (problem != null) {
        return problem + where;
      }
    }
    return null;
  }

  private String laplacianFailure(OracleResult expected, LaplacianResult actual, int dimension) {
    double scale = 1 + Math.abs(expected.value());
    for (int i = 0; i < dimension; i++) {
      int[] orders = new int[dimension];
      orders[i] = 2;
      scale += Math.abs(expected.gradient()[i]) + Math.abs(expected.partial(orders));
    }
    if (!(scale < ILL_CONDITIONED)) {
      skipped++;
      return null;
    }
    checked++;
    String value = differ(expected.value(), actual.value(), 1e-8 * scale, "value");
    for (int i = 0; value == null && i < dimension; i++) {
      value = differ(expected.gradient()[i], actual.gradient(i), 1e-8 * scale, "∂" + i);
    }
    return value != null ? value : differ(expected.laplacian(), actual.laplacian(), 1e-8 * scale, "Laplacian");
  }

  private String operatorFailure(OracleResult expected, double actual, RandomOperators.Operator operator) {
    double[] sumAndScale = operator.apply(expected::partial);
    // Plans combine directional derivatives (polarization, interpolation) whose sizes are those of
    // all the partials up to the operator's order, so rounding is relative to those, not to the result.
    double scale = 1 + sumAndScale[1] + partialsUpTo(expected, operator.alphas().get(0).length, 4);
    if (!(scale < ILL_CONDITIONED)) {
      skipped++;
      return null;
    }
    checked++;
    return differ(sumAndScale[0], actual, 1e-7 * scale, "operator " + operator.text());
  }

  /** Σ |∂^β u| over all multi-indices β of order ≤ {@code order}. */
  private static double partialsUpTo(OracleResult r, int dimension, int order) {
    double sum = 0;
    int[] beta = new int[dimension];
    while (true) {
      int total = 0;
      for (int b : beta) {
        total += b;
      }
      if (total <= order) {
        sum += Math.abs(r.partial(beta.clone()));
      }
      int i = 0;
      while (i < dimension && ++beta[i] > order) {
        beta[i++] = 0;
      }
      if (i == dimension) {
        return sum;
      }
    }
  }

  private static String differ(double expected, double actual, double tolerance, String what) {
    if (Math.abs(expected - actual) <= tolerance || (Double.isNaN(expected) && Double.isNaN(actual))) {
      return null;
    }
    return what + ": expected " + expected + " but was " + actual + " (tolerance " + tolerance + ")";
  }
}
