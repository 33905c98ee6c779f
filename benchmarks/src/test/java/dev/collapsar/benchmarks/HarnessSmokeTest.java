package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The whole pipeline in a few seconds: JMH runs six benchmarks in this JVM (no fork, one short
 * iteration, with the gc profiler) — the analytic function, two small networks, and the reference
 * network's Laplacian and two of its estimators on the narrow variant of the network — writes its
 * JSON, and the report turns that into CSV, Markdown and plots (the estimators' against S). Numbers from such a run mean nothing; the test only shows that the harness works.
 */
class HarnessSmokeTest {
  /**
   * Whether the operators were built with {@code -Dcollapsar.vector=true} (the tests' JVM then has the
   * module): their vectors are objects until C2 compiles the sweeps — 1.3 MB per call of the narrow
   * network after 100 ms of warm-up — so the allocation check waits for C2.
   */
  private static final boolean VECTOR_BUILD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  @Test
  void benchmarksRunAndTheReportIsWritten(@TempDir Path directory) throws Exception {
    Path json = directory.resolve("jmh.json");
    Options options = new OptionsBuilder()
        .include("AnalyticBenchmark\\.collapsed$")
        .include("NetworkBenchmark\\.collapsed$")
        .include("MlpLaplacianBenchmark\\.collapsed$")
        .include("MlpLaplacianEstimateBenchmark\\.collapsed$")
        .param("dim", "2", "4")
        .param("network", "narrow")
        .param("samples", "1", "8")
        .forks(0)
        .warmupIterations(1)
        .warmupTime(VECTOR_BUILD ? TimeValue.seconds(3) : TimeValue.milliseconds(100))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(200))
        .addProfiler(GCProfiler.class)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build();
    // silent: a developer's `mvn verify` log should not carry JMH's banners and its warning that
    // non-forked runs may omit JVM options (expected here: this run only checks the harness)
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Collection<RunResult> results = new Runner(options,
        OutputFormatFactory.createFormatInstance(discard, VerboseMode.SILENT)).run();

    assertEquals(6, results.size());
    for (RunResult result : results) {
      assertTrue(result.getPrimaryResult().getScore() > 0, "a time was measured");
    }
    JmhResults read = JmhResults.read(json);
    for (JmhResults.Result result : read.results()) {
      // the generated operators allocate nothing: what remains is JMH's bookkeeping of a few kB per
      // iteration, amortized to ~0 over the millions of calls of a sub-microsecond operator but not over
      // the thousands of the narrow network's (the smallest array a call could take is 32 doubles)
      double limit = result.score() < 10_000 ? 1 : 64;
      assertTrue(result.allocatedBytes() < limit, result + " allocates");
    }

    List<Path> written = Report.write(json, directory);
    assertTrue(written.contains(directory.resolve("network-time.png")));
    String markdown = Files.readString(directory.resolve("results.md"));
    assertTrue(markdown.contains("| analytic D=2 |"), markdown);
    assertTrue(markdown.contains("| network D=4 |"), markdown);
    assertTrue(markdown.contains("| mlpLaplacianEstimateNarrow D=50 S=8 |"), markdown);
    assertTrue(written.contains(directory.resolve("mlpLaplacianEstimateNarrow-time.png")));
    List<String> csv = Files.readAllLines(directory.resolve("results.csv"));
    assertEquals(CsvReport.HEADER, csv.get(0));
    assertEquals(7, csv.size());
  }
}
