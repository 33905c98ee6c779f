package dev.collapsar.processor.fuzz;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing: seeded random programs of the supported subset ({@link ProgramGenerator}:
 * scalar and array coordinates, local arrays, layer loops, run-time loops, Laplacians, operators up
 * to order 4, estimators with given directions, {@code diffusion}/{@code drift}), each written in
 * both modes and compiled with every lane style ({@code -Acollapsar.lanes=AUTO|UNROLLED|LOOPS}, and the
 * loops on {@code jdk.incubator.vector}, {@code -Acollapsar.vector=true}: register blocks, one pass per
 * source group on 512-bit vectors, one rounding per multiply-add), called
 * at seeded points and compared with Hipparchus ({@link Expected} states the tolerances); the lane
 * styles of one mode must also agree with each other to 1e-12 of the scale. Any processor error is a
 * failure. Points without a reference or with an ill-conditioned oracle are skipped and counted
 * ({@link PointFilters}); at least three points per program on average must be compared.
 *
 * <p>{@code -Dcollapsar.fuzz.programs=N} runs N programs (default 300; 10,000 is the long run),
 * {@code -Dcollapsar.fuzz.seed=S} another sequence, {@code -Dcollapsar.fuzz.first=K} starts at
 * program K of it (program K has seed S + K, so a reported program seed is rerun with
 * {@code seed=S, first=K, programs=1}). The run reports every failing program (the first
 * {@value FuzzStatistics#FAILURE_CAP} in full, the first three with a reproducer minimized by dropping
 * statements), the programs per construct, and the median and maximum error.
 */
class DifferentialFuzzTest {
  private static final int BATCH = 40;
  /**
   * The options of each compilation, by how failures name them: the three lane styles, and the loops
   * written on {@code jdk.incubator.vector} (register blocks, one pass per source group on 512-bit
   * vectors), whose sweeps round once per multiply-add.
   */
  private static final Map<String, List<String>> LANE_STYLES = new LinkedHashMap<>();

  static {
    LANE_STYLES.put("AUTO", List.of("-Acollapsar.lanes=AUTO"));
    LANE_STYLES.put("UNROLLED", List.of("-Acollapsar.lanes=UNROLLED"));
    LANE_STYLES.put("LOOPS", List.of("-Acollapsar.lanes=LOOPS"));
    LANE_STYLES.put("VECTOR", List.of("-Acollapsar.lanes=LOOPS", "-Acollapsar.vector=true", "--add-modules",
        "jdk.incubator.vector"));
  }

  /** How a failure names a style: its Collapsar options. */
  private static String options(String style) {
    return String.join(" ", LANE_STYLES.get(style).stream().filter(o -> o.startsWith("-A")).toList());
  }
  private static final double TOO_LARGE = 1e9;
  private static final int MINIMIZED = 3;
  /** Marks a problem that is an exception rather than a numeric disagreement. */
  private static final String THREW = "threw: ";

  private final FuzzStatistics stats = new FuzzStatistics();
  private final List<RandomProgram> failed = new ArrayList<>();

  @Test
  void randomProgramsMatchTheOracle() throws Exception {
    int programs = Integer.getInteger("collapsar.fuzz.programs", 300);
    long baseSeed = Long.getLong("collapsar.fuzz.seed", 20261122L);
    int first = Integer.getInteger("collapsar.fuzz.first", 0);
    for (int start = first; start < first + programs; start += BATCH) {
      List<RandomProgram> batch = new ArrayList<>();
      for (int i = start; i < Math.min(start + BATCH, first + programs); i++) {
        RandomProgram p = new ProgramGenerator(baseSeed + i).program("f" + i);
        stats.program(p);
        batch.add(p);
      }
      runBatch(batch, baseSeed);
      int done = start + batch.size() - first;
      if (programs >= 2000 && done % 1000 < BATCH) { // a long run says how far it is
        System.out.printf("differential fuzzing: %d of %d programs, %d failures%n", done, programs,
            stats.failureCount());
      }
    }
    System.out.print(stats.summary());
    if (stats.failureCount() > 0) {
      StringBuilder report = new StringBuilder(stats.summary());
      stats.failures().forEach(f -> report.append("\n").append(f));
      for (RandomProgram p : failed.subList(0, Math.min(MINIMIZED, failed.size()))) {
        report.append("\nminimized reproducer of ").append(p.name).append(":\n").append(minimize(p).java());
      }
      throw new AssertionError(report.toString());
    }
    if (stats.checkedPoints() < 3 * programs) {
      throw new AssertionError("too few points compared: " + stats.checkedPoints() + " of "
          + (stats.checkedPoints() + stats.skippedPoints()));
    }
  }

  private void runBatch(List<RandomProgram> batch, long baseSeed) throws Exception {
    Map<String, CompiledSources> compiled = compileAll(batch);
    if (compiled == null) { // some program was rejected: find which, one by one
      for (RandomProgram p : batch) {
        Map<String, CompiledSources> alone = compileAll(List.of(p));
        if (alone == null) {
          fail(p, baseSeed, "the processor rejected it:\n" + rejection(List.of(p)));
        } else {
          check(alone, p, baseSeed);
        }
      }
      return;
    }
    for (RandomProgram p : batch) {
      check(compiled, p, baseSeed);
    }
  }

  private void check(Map<String, CompiledSources> compiled, RandomProgram p, long baseSeed) throws Exception {
    String auto = compiled.get("AUTO").generatedSource("fuzz.BatchOperators");
    if (Pattern.compile("\\b" + p.name + "[cs]\\w*Part\\d+Of").matcher(auto).find()) {
      stats.construct("split method");
    }
    String vector = compiled.get("VECTOR").generatedSource("fuzz.BatchOperators");
    if (Pattern.compile("\\b" + p.name + "\\w*Sweep\\d+Block1\\(").matcher(vector).find()) {
      stats.construct("vector sweep");
    }
    if (Pattern.compile("\\b" + p.name + "\\w*Sweep\\d+Group1\\(").matcher(vector).find()) {
      stats.construct("vector sweep, one pass per source group");
    }
    String problem = failure(compiled, p, true);
    if (problem == null) {
      problem = batchFailure(compiled, p);
    }
    if (problem != null) {
      fail(p, baseSeed, problem);
    }
  }

  /** Points per batch call: one block of a batch kernel and a point left over. */
  private static final int BATCH_POINTS = 33;

  /**
   * Why the batch variant disagrees with its point method, point by point, or null: {@value
   * #BATCH_POINTS} seeded points in one call (a batch kernel's block of 32 and one point by itself),
   * under every lane style and mode. A batch kernel computes each point as the point method does, so
   * they agree to 1e-12 of the value (an infinity with the same infinity, NaN with NaN).
   */
  private String batchFailure(Map<String, CompiledSources> compiled, RandomProgram p) throws Exception {
    Shape shape = p.shape;
    double[][] points = SeededPoints.uniform(p.name.hashCode() + 1, BATCH_POINTS, shape.dimension(), -2, 2);
    for (String mode : RandomProgram.MODES) {
      String point = shape.kind() == Shape.Kind.LAPLACIAN ? p.method(mode) + "Laplacian" : shape.method(p.method(mode));
      Class<?>[] pointTypes = shape.kind() == Shape.Kind.LAPLACIAN ? shape.userTypes() : shape.operatorTypes();
      for (Map.Entry<String, CompiledSources> style : compiled.entrySet()) {
        Class<?> operators = style.getValue().load("fuzz.BatchOperators");
        if (mode.equals("COLLAPSED") && style.getKey().equals("AUTO")
            && style.getValue().generatedSource("fuzz.BatchOperators").contains(point + "BatchKernel(")) {
          stats.construct("batch kernel");
        }
        Method single = method(operators, point, pointTypes);
        Method batch = method(operators, point + "Batch", batchTypes(shape, pointTypes));
        double[] out = new double[BATCH_POINTS];
        try {
          invoke(batch, batchArguments(shape, points, out));
        } catch (AssertionError e) {
          return THREW + batch.getName() + " with " + options(style.getKey()) + ": " + e.getMessage();
        }
        for (int q = 0; q < BATCH_POINTS; q++) {
          double expected = (double) invoke(single, shape.kind() == Shape.Kind.LAPLACIAN
              ? shape.userArguments(points[q]) : shape.operatorArguments(points[q]));
          boolean same = out[q] == expected || Double.isNaN(expected) && Double.isNaN(out[q])
              || Math.abs(out[q] - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
          if (!same) {
            return batch.getName() + " with " + options(style.getKey()) + " at point " + q + " "
                + java.util.Arrays.toString(points[q]) + ": " + out[q] + " but the point method gives " + expected;
          }
        }
      }
    }
    return null;
  }

  /** The batch variant's parameter types: each coordinate parameter one entry per point, then out. */
  private static Class<?>[] batchTypes(Shape shape, Class<?>[] pointTypes) {
    int coordinates = shape.array() ? 1 : shape.dimension();
    Class<?>[] types = java.util.Arrays.copyOf(pointTypes, pointTypes.length + 1);
    for (int i = 0; i < coordinates; i++) {
      types[i] = shape.array() ? double[][].class : double[].class;
    }
    types[pointTypes.length] = double[].class;
    return types;
  }

  private static Object[] batchArguments(Shape shape, double[][] points, double[] out) {
    Object[] shared = shape.kind() == Shape.Kind.LAPLACIAN ? shape.userArguments(points[0])
        : shape.operatorArguments(points[0]);
    Object[] args = java.util.Arrays.copyOf(shared, shared.length + 1);
    if (shape.array()) {
      args[0] = points;
    } else {
      for (int i = 0; i < shape.dimension(); i++) {
        double[] column = new double[points.length];
        for (int q = 0; q < points.length; q++) {
          column[q] = points[q][i];
        }
        args[i] = column;
      }
    }
    args[shared.length] = out;
    return args;
  }

  private void fail(RandomProgram p, long baseSeed, String problem) {
    long seed = baseSeed + Long.parseLong(p.name.substring(1));
    String failure = "program seed " + seed + " (" + p.name + "): " + problem + "\nprogram:\n" + p.java();
    stats.failure(failure);
    failed.add(p);
    System.out.println("differential fuzzing: FAILED " + failure); // a long run shows it at once
  }

  /** The compilations of a batch under each lane style, or null if the processor rejected any. */
  private static Map<String, CompiledSources> compileAll(List<RandomProgram> batch) {
    Map<String, CompiledSources> compiled = new LinkedHashMap<>();
    for (String style : LANE_STYLES.keySet()) {
      CompiledSources c = compile(batch, style);
      if (!c.succeeded()) {
        return null;
      }
      compiled.put(style, c);
    }
    return compiled;
  }

  private static String rejection(List<RandomProgram> batch) {
    for (String style : LANE_STYLES.keySet()) {
      CompiledSources c = compile(batch, style);
      if (!c.succeeded()) {
        return options(style) + ": " + c.describeDiagnostics();
      }
    }
    return "(not reproducible)";
  }

  /**
   * Drops top-level statements (never the final return) while the program still fails the same way:
   * rejected by the processor with a Collapsar diagnostic, or compiled and disagreeing.
   */
  private RandomProgram minimize(RandomProgram p) throws Exception {
    boolean rejected = compileAll(List.of(p)) == null;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < p.body.size() - 1; i++) {
        RandomProgram smaller = p.without(i);
        Map<String, CompiledSources> c = compileAll(List.of(smaller));
        boolean stillFails = rejected ? c == null && rejection(List.of(smaller)).contains("[Collapsar/")
            : c != null && failure(c, smaller, false) != null;
        if (stillFails) {
          p = smaller;
          progress = true;
          break;
        }
      }
    }
    return p;
  }

  private static CompiledSources compile(List<RandomProgram> batch, String style) {
    StringBuilder source = new StringBuilder("package fuzz;\n\nimport dev.collapsar.Laplacian;\n"
        + "import dev.collapsar.LinearPDE;\nimport dev.collapsar.Mode;\n\nfinal class Batch {\n");
    batch.forEach(p -> source.append(p.java()).append('\n'));
    return CollapsarCompiler.with(CollapsarProcessor::new).options(LANE_STYLES.get(style).toArray(String[]::new))
        .compile("fuzz.Batch", source.append("}\n").toString());
  }

  /** Why the generated methods disagree with the oracle or each other, or null if they agree. */
  private String failure(Map<String, CompiledSources> compiled, RandomProgram p, boolean count) throws Exception {
    Shape shape = p.shape;
    Method primal = method(compiled.get("AUTO").load("fuzz.Batch"), p.method("COLLAPSED"), shape.userTypes());
    Oracle oracle = Oracle.of(shape.dimension(), shape.order(), p::eval);
    for (double[] point : SeededPoints.uniform(p.name.hashCode(), 4, shape.dimension(), -2, 2)) {
      Expected expected = Expected.of(shape, oracle, point);
      double reference = (double) invoke(primal, shape.userArguments(point));
      if (!PointFilters.hasReference(reference, expected.value())) {
        skip(count, "no reference");
        continue;
      }
      if (!(expected.scale() < TOO_LARGE)) {
        skip(count, "values above 1e9");
        continue;
      }
      String problem = compare(compiled, p, point, expected, count);
      if (problem == null) {
        if (count) {
          stats.checked();
        }
        continue;
      }
      if (problem.startsWith(THREW)) { // an exception is no rounding error
        return problem.substring(THREW.length()) + " at " + java.util.Arrays.toString(point);
      }
      double tolerance = expected.tolerance(shape);
      if (!PointFilters.wellConditioned(x -> Expected.of(shape, oracle, x).values(), point, tolerance,
          p.name.hashCode())) {
        skip(count, "ill-conditioned");
        continue;
      }
      if (!PointFilters.oracleHolds(expected.values(),
          Expected.of(shape, PreciseOracle.at(p, shape.order(), point)).values(), tolerance)) {
        skip(count, "oracle loses digits (40-digit check)");
        continue;
      }
      return problem + " at " + java.util.Arrays.toString(point);
    }
    return null;
  }

  private String compare(Map<String, CompiledSources> compiled, RandomProgram p, double[] point, Expected expected,
      boolean count) throws Exception {
    Shape shape = p.shape;
    double tolerance = expected.tolerance(shape);
    String problem = null;
    for (String mode : RandomProgram.MODES) {
      double[] first = null;
      for (Map.Entry<String, CompiledSources> style : compiled.entrySet()) {
        Method m = method(style.getValue().load("fuzz.BatchOperators"), shape.method(p.method(mode)),
            shape.operatorTypes());
        double[] actual;
        try {
          actual = Expected.actual(shape, invoke(m, shape.operatorArguments(point)));
        } catch (AssertionError e) {
          return THREW + m.getName() + " with " + options(style.getKey()) + ": " + e.getMessage();
        }
        for (int k = 0; k < actual.length; k++) {
          double error = Math.abs(actual[k] - expected.values()[k]);
          if (count) {
            stats.error(error / expected.scale());
          }
          if (problem == null && !(error <= tolerance)) {
            problem = shape.method(p.method(mode)) + " with " + options(style.getKey()) + ", " + what(shape, k)
                + ": expected " + expected.values()[k] + " but was " + actual[k] + " (tolerance " + tolerance + ")";
          }
          if (first != null) {
            double spread = Math.abs(actual[k] - first[k]) / expected.scale();
            if (count) {
              stats.laneSpread(spread);
            }
            if (problem == null && !(spread <= 1e-12)) {
              problem = shape.method(p.method(mode)) + ": lane styles AUTO and " + options(style.getKey()) + " differ in "
                  + what(shape, k) + ": " + first[k] + " vs " + actual[k];
            }
          }
        }
        first = first == null ? actual : first;
      }
    }
    return problem;
  }

  private void skip(boolean count, String reason) {
    if (count) {
      stats.skip(reason);
    }
  }

  private static String what(Shape shape, int k) {
    if (shape.kind() != Shape.Kind.LAPLACIAN) {
      return shape.kind() == Shape.Kind.ESTIMATE ? "estimate" : "operator " + shape.annotation("…");
    }
    return k == 0 ? "value" : k == shape.dimension() + 1 ? "Laplacian" : "∂" + (k - 1);
  }

  private static Method method(Class<?> type, String name, Class<?>[] types) throws NoSuchMethodException {
    Method m = type.getDeclaredMethod(name, types);
    m.setAccessible(true);
    return m;
  }

  private static Object invoke(Method m, Object[] args) throws Exception {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(m.getName() + " threw " + e.getCause(), e.getCause());
    }
  }
}
