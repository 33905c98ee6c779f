package dev.collapsar.processor.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run saw: programs per construct, points compared and skipped (by reason), the error of
 * every compared value relative to its scale (median and maximum), and every failure up to a cap.
 */
final class FuzzStatistics {
  static final int FAILURE_CAP = 20;

  private final Map<String, Integer> constructs = new TreeMap<>();
  private final Map<String, Integer> skipped = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int failureCount;
  private int programs;
  private int programsWithArrays;
  private int checked;
  private double[] errors = new double[1024];
  private int errorCount;
  private double laneSpread;

  void program(RandomProgram p) {
    programs++;
    p.constructs.forEach(c -> constructs.merge(c, 1, Integer::sum));
    if (p.shape.array() || p.constructs.stream().anyMatch(c -> c.contains("array") || c.contains("layer"))) {
      programsWithArrays++;
    }
  }

  void construct(String name) {
    constructs.merge(name, 1, Integer::sum);
  }

  void skip(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  void checked() {
    checked++;
  }

  /** |actual − expected| / scale of one compared value. */
  void error(double relativeToScale) {
    if (errorCount == errors.length) {
      errors = Arrays.copyOf(errors, 2 * errorCount);
    }
    errors[errorCount++] = relativeToScale;
  }

  /** The largest difference between lane styles of one mode, relative to the scale. */
  void laneSpread(double relativeToScale) {
    laneSpread = Math.max(laneSpread, relativeToScale);
  }

  void failure(String description) {
    if (failureCount++ < FAILURE_CAP) {
      failures.add(description);
    }
  }

  int failureCount() {
    return failureCount;
  }

  List<String> failures() {
    return failures;
  }

  int checkedPoints() {
    return checked;
  }

  int skippedPoints() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }

  int programsWithArrays() {
    return programsWithArrays;
  }

  String summary() {
    double[] sorted = Arrays.copyOf(errors, errorCount);
    Arrays.sort(sorted);
    StringBuilder out = new StringBuilder();
    out.append(String.format("differential fuzzing: %d programs (%d with arrays), %d points compared, %d skipped %s%n",
        programs, programsWithArrays, checked, skippedPoints(), skipped));
    out.append(String.format("  %d values compared, error / scale: median %.2e, max %.2e; lane styles differ by at most %.2e%n",
        errorCount, errorCount == 0 ? 0 : sorted[errorCount / 2], errorCount == 0 ? 0 : sorted[errorCount - 1],
        laneSpread));
    out.append("  programs per construct:");
    constructs.forEach((name, count) -> out.append(String.format("%n    %-40s %d", name, count)));
    out.append(String.format("%n  failures: %d%n", failureCount));
    return out.toString();
  }
}
