package dev.collapsar.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of JMH's JSON ({@code -rf json}) the report uses: per benchmark, the score (time per call)
 * with its error, and the bytes allocated per call when the run used {@code -prof gc}; and, once per
 * file, how the run was configured.
 */
public final class JmhResults {

  /**
   * How the run was configured, taken from its first benchmark (a run has one JVM; the forks' arguments
   * and, for classes that set their own, the iterations may differ per benchmark).
   */
  public record RunInfo(String jmhVersion, String jdk, String vm, int forks, String warmup, String measurement) {}

  /**
   * One benchmark with one set of parameters.
   *
   * @param benchmarkClass the benchmark's class name, e.g. {@code dev.collapsar.benchmarks.NetworkBenchmark}
   * @param method the measured method
   * @param params the {@code @Param} values (empty if none)
   * @param score the mean time per call in {@code unit}
   * @param scoreError the half-width of JMH's 99.9% confidence interval (NaN with one iteration)
   * @param unit JMH's unit, e.g. {@code ns/op}
   * @param allocatedBytes bytes allocated per call ({@code gc.alloc.rate.norm}); NaN without {@code -prof gc}
   * @param jvmArgs the arguments of the forked JVM (a benchmark class may add its own)
   */
  public record Result(String benchmarkClass, Method method, Map<String, String> params, double score,
      double scoreError, String unit, double allocatedBytes, List<String> jvmArgs) {}

  private final RunInfo run;
  private final List<Result> results;

  private JmhResults(RunInfo run, List<Result> results) {
    this.run = run;
    this.results = List.copyOf(results);
  }

  /** Reads a JMH JSON file; benchmarks of methods this module does not know are skipped. */
  public static JmhResults read(Path json) throws IOException {
    try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      JsonArray entries = JsonParser.parseReader(reader).getAsJsonArray();
      if (entries.isEmpty()) {
        throw new IOException(json + " holds no benchmark results");
      }
      List<Result> results = new ArrayList<>();
      for (JsonElement entry : entries) {
        result(entry.getAsJsonObject()).ifPresent(results::add);
      }
      return new JmhResults(runInfo(entries.get(0).getAsJsonObject()), results);
    }
  }

  /** The run's configuration. */
  public RunInfo run() {
    return run;
  }

  /** Every result, in the file's order. */
  public List<Result> results() {
    return results;
  }

  private static Optional<Result> result(JsonObject entry) {
    String benchmark = entry.get("benchmark").getAsString();
    int dot = benchmark.lastIndexOf('.');
    Optional<Method> method = Method.byBenchmark(benchmark.substring(dot + 1));
    if (method.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (entry.has("params")) {
      entry.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
    }
    JsonObject primary = entry.getAsJsonObject("primaryMetric");
    return Optional.of(new Result(benchmark.substring(0, dot), method.get(), params,
        primary.get("score").getAsDouble(), primary.get("scoreError").getAsDouble(),
        primary.get("scoreUnit").getAsString(), allocatedBytes(entry), jvmArgs(entry)));
  }

  /** {@code gc.alloc.rate.norm}; JMH before 1.36 wrote the name with a leading middle dot. */
  private static double allocatedBytes(JsonObject entry) {
    if (!entry.has("secondaryMetrics")) {
      return Double.NaN;
    }
    for (Map.Entry<String, JsonElement> metric : entry.getAsJsonObject("secondaryMetrics").entrySet()) {
      if (metric.getKey().replace("·", "").equals("gc.alloc.rate.norm")) {
        return metric.getValue().getAsJsonObject().get("score").getAsDouble();
      }
    }
    return Double.NaN;
  }

  private static List<String> jvmArgs(JsonObject entry) {
    List<String> jvmArgs = new ArrayList<>();
    entry.getAsJsonArray("jvmArgs").forEach(a -> jvmArgs.add(a.getAsString()));
    return List.copyOf(jvmArgs);
  }

  private static RunInfo runInfo(JsonObject entry) {
    return new RunInfo(entry.get("jmhVersion").getAsString(),
        entry.get("jdkVersion").getAsString(),
        entry.get("vmName").getAsString() + " " + entry.get("vmVersion").getAsString(),
        entry.get("forks").getAsInt(),
        entry.get("warmupIterations").getAsInt() + " × " + entry.get("warmupTime").getAsString(),
        entry.get("measurementIterations").getAsInt() + " × " + entry.get("measurementTime").getAsString());
  }
}
