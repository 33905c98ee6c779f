package dev.collapsar.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a JMH JSON file into the performance report: {@code results.csv}, {@code results.md} and PNG
 * plots in the output directory. The accuracy columns are computed here, not read from JMH (the
 * functions are deterministic and take a second to evaluate).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.Report \
 *     benchmarks/results/jmh-quick.json benchmarks/results
 * }</pre>
 */
public final class Report {
  private Report() {}

  /** Arguments: the JMH JSON file, and the output directory (default: the JSON file's directory). */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: Report <jmh-result.json> [output directory]");
      System.exit(2);
    }
    Path json = Path.of(args[0]);
    Path directory = args.length == 2 ? Path.of(args[1]) : json.toAbsolutePath().getParent();
    List<Path> written = write(json, directory);
    written.forEach(p -> System.out.println("wrote " + p));
  }

  /** Writes the report of {@code json} into {@code directory}; returns the files written. */
  public static List<Path> write(Path json, Path directory) throws IOException {
    JmhResults jmh = JmhResults.read(json);
    Cases cases = Cases.of(jmh.results());
    AccuracyTable accuracy = AccuracyTable.measure(cases);
    Files.createDirectories(directory);
    List<String> plots = Plots.write(cases, directory);
    Path csv = directory.resolve("results.csv");
    Files.writeString(csv, CsvReport.render(cases, accuracy), StandardCharsets.UTF_8);
    Path markdown = directory.resolve("results.md");
    String source = json.getFileName().toString();
    Files.writeString(markdown, new MarkdownReport(cases, jmh.run(), accuracy).render(source, plots),
        StandardCharsets.UTF_8);
    return Stream.concat(Stream.of(csv, markdown), plots.stream().map(directory::resolve)).toList();
  }
}
