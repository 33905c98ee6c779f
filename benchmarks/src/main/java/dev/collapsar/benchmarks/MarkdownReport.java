package dev.collapsar.benchmarks;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * results.md: the machine, how the run was configured, then times, ratios to the collapsed operator,
 * the targets, allocation, accuracy and the plots. Everything is read from one JMH run.
 */
final class MarkdownReport {
  private final Cases cases;
  private final JmhResults.RunInfo run;
  private final AccuracyTable accuracy;
  private final List<Method> methods;
  private final StringBuilder out = new StringBuilder();

  MarkdownReport(Cases cases, JmhResults.RunInfo run, AccuracyTable accuracy) {
    this.cases = cases;
    this.run = run;
    this.accuracy = accuracy;
    this.methods = cases.methods();
  }

  String render(String source, List<String> plots) {
    header(source);
    section("Time per call (ns)", "Mean ± half-width of JMH's 99.9% confidence interval.");
    table(c -> m -> c.result(m).map(r -> Format.timeWithError(r.score(), r.scoreError())).orElse("—"));
    section("Ratio to the collapsed operator", "time(method) / time(collapsed), same case, same run: "
        + "above 1 means slower than the collapsed operator.");
    table(c -> m -> c.ratioToCollapsed(m).map(Format::ratio).orElse("—"));
    targets();
    section("Allocation per call (bytes, `-prof gc`)", "`gc.alloc.rate.norm`; 0 means below half a byte "
        + "per call (JMH's own bookkeeping). The generated `collapsed` and `collapsedGradient` variants "
        + "must allocate nothing.");
    table(c -> m -> c.result(m).map(r -> Format.bytes(r.allocatedBytes())).orElse("—"));
    section("Accuracy against DerivativeStructure (order 2, exact to rounding)", "Normwise relative error "
        + "over " + Accuracy.INSTANCES + " seeded instances, with correct decimal digits in parentheses (a "
        + "double has 15.95); central differences use h = 2⁻¹³.");
    table(c -> m -> accuracy.row(c, m)
        .map(r -> Format.error(r.relativeError()) + " (" + Format.digits(r.correctDigits()) + ")")
        .orElse(m == Method.DERIVATIVE_STRUCTURE ? "oracle" : "—"));
    plots(plots);
    return out.toString();
  }

  private void header(String source) {
    out.append("# Collapsar benchmark results\n\n")
        .append("- Machine: ").append(Machine.describe()).append('\n')
        .append("- JVM: ").append(run.vm()).append(" (JDK ").append(run.jdk()).append(")")
        .append(run.jvmArgs().isEmpty() ? "" : ", arguments " + String.join(" ", run.jvmArgs())).append('\n')
        .append("- JMH ").append(run.jmhVersion()).append(": ").append(run.forks()).append(" fork(s), warmup ")
        .append(run.warmup()).append(", measurement ").append(run.measurement()).append('\n')
        .append("- Source: `").append(source).append("`, written by `dev.collapsar.benchmarks.Report` ")
        .append("(see README.md)\n\n")
        .append("Every method computes Δu at the same seeded point in the same run; `primal` is u alone.\n");
  }

  private void section(String title, String text) {
    out.append("\n## ").append(title).append("\n\n").append(text).append("\n\n");
  }

  /** One row per case, one column per method; {@code cell} renders a case's method. */
  private void table(Function<Cases.Case, Function<Method, String>> cell) {
    out.append("| case | ").append(methods.stream().map(Method::label).collect(Collectors.joining(" | ")))
        .append(" |\n|---|").append("---:|".repeat(methods.size())).append('\n');
    for (Cases.Case c : cases.all()) {
      Function<Method, String> row = cell.apply(c);
      out.append("| ").append(c.label()).append(" | ")
          .append(methods.stream().map(row).collect(Collectors.joining(" | "))).append(" |\n");
    }
  }

  private void targets() {
    section("Targets (issue 6)", "Checked in this run; a ratio is time(slower) / time(faster) as the "
        + "target states it.");
    out.append("| target | case | measured | status |\n|---|---|---:|---|\n");
    for (Targets.Check check : Targets.check(cases)) {
      out.append("| ").append(check.target()).append(" | ").append(check.where()).append(" | ")
          .append(check.measured()).append(" | ").append(status(check.status())).append(" |\n");
    }
  }

  private static String status(Targets.Status status) {
    return switch (status) {
      case MET -> "met";
      case MISSED -> "**missed**";
      case NOT_MEASURED -> "not measured yet";
    };
  }

  private void plots(List<String> plots) {
    if (plots.isEmpty()) {
      return;
    }
    section("Plots", "Log scale; one line per method.");
    plots.forEach(p -> out.append("![").append(p).append("](").append(p).append(")\n\n"));
  }
}
