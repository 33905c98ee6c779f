package dev.collapsar.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * results.md: the machine, how the run was configured, then times, ratios to the collapsed operator,
 * the targets, the estimators' cost per direction, allocation, accuracy and the plots.
 * Everything is read from one JMH run. Each table is split by operator (Laplacian, biharmonic and
 * their estimators), with the methods measured on that operator as columns.
 */
final class MarkdownReport {
  private final Cases cases;
  private final JmhResults.RunInfo run;
  private final AccuracyTable accuracy;
  private final List<SampleSweeps.Sweep> sweeps;
  private final Map<String, List<Cases.Case>> groups = new LinkedHashMap<>();
  private final StringBuilder out = new StringBuilder();

  MarkdownReport(Cases cases, JmhResults.RunInfo run, AccuracyTable accuracy) {
    this.cases = cases;
    this.run = run;
    this.accuracy = accuracy;
    this.sweeps = SampleSweeps.of(cases);
    for (Workload.Operator operator : Workload.Operator.values()) {
      for (boolean estimate : new boolean[] {false, true}) {
        List<Cases.Case> group = cases.all().stream()
            .filter(c -> c.operator() == operator && c.isEstimate() == estimate).toList();
        if (!group.isEmpty()) {
          groups.put(groupTitle(operator, estimate), group);
        }
      }
    }
  }

  private static String groupTitle(Workload.Operator operator, boolean estimate) {
    String name = operator == Workload.Operator.LAPLACIAN ? "Laplacian" : "Biharmonic";
    return estimate ? name + " estimators (S fixed Gaussian directions)" : name;
  }

  String render(String source, List<String> plots) {
    header(source);
    section("Time per call (ns)", "Mean ± half-width of JMH's 99.9% confidence interval.");
    tables(c -> m -> c.result(m).map(r -> Format.timeWithError(r.score(), r.scoreError())).orElse("—"));
    section("Ratio to the collapsed operator", "time(method) / time(collapsed), same case, same run: "
        + "above 1 means slower than the collapsed operator.");
    tables(c -> m -> c.ratioToCollapsed(m).map(Format::ratio).orElse("—"));
    targets();
    estimators();
    section("Allocation per call (bytes, `-prof gc`)", "`gc.alloc.rate.norm`; 0 means below half a byte "
        + "per call (JMH's own bookkeeping). The generated `collapsed` and `collapsedGradient` variants "
        + "must allocate nothing.");
    tables(c -> m -> c.result(m).map(r -> Format.bytes(r.allocatedBytes())).orElse("—"));
    section("Accuracy against an independent oracle", "Normwise relative error over seeded instances, "
        + "with correct decimal digits in parentheses (a double has 15.95); central differences use "
        + "h = 2⁻¹³. The oracle of each workload:\n");
    groups.values().stream().flatMap(List::stream).map(c -> "- `" + c.workload() + "`: " + oracle(c))
        .distinct().forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    tables(c -> m -> accuracy.row(c, m)
        .map(r -> Format.error(r.relativeError()) + " (" + Format.digits(r.correctDigits()) + ")")
        .orElse(accuracy.oracle(c).filter(m::equals).isPresent() ? "oracle" : "—"));
    plots(plots);
    return out.toString();
  }

  private void header(String source) {
    out.append("# Collapsar benchmark results\n\n")
        .append("- Machine: ").append(Machine.describe()).append('\n')
        .append("- JVM: ").append(run.vm()).append(" (JDK ").append(run.jdk()).append(")").append(jvmArgs())
        .append('\n')
        .append("- JMH ").append(run.jmhVersion()).append(": ").append(run.forks()).append(" fork(s), warmup ")
        .append(run.warmup()).append(", measurement ").append(run.measurement())
        .append(" (of the first benchmark; classes with slow operators set their own)\n")
        .append("- Source: `").append(source).append("`, written by `dev.collapsar.benchmarks.Report` ")
        .append("(see README.md)\n\n")
        .append("Every method of a case computes the same operator (Δu, Δ²u, or its estimate along the same S ")
        .append("directions) at the same seeded point in the same run; `primal` is u alone.\n");
  }

  /** The forks' JVM arguments, per benchmark class when classes add their own. */
  private String jvmArgs() {
    Map<String, List<String>> byArgs = new LinkedHashMap<>();
    cases.all().forEach(c -> c.results().values().forEach(r -> byArgs.computeIfAbsent(String.join(" ", r.jvmArgs()),
        a -> new java.util.ArrayList<>()).add(r.benchmarkClass().substring(r.benchmarkClass().lastIndexOf('.') + 1))));
    if (byArgs.size() == 1) {
      String args = byArgs.keySet().iterator().next();
      return args.isEmpty() ? "" : ", arguments `" + args + "`";
    }
    return byArgs.entrySet().stream().map(e -> "\n  - arguments `" + (e.getKey().isEmpty() ? "(none)" : e.getKey())
        + "`: " + e.getValue().stream().distinct().collect(Collectors.joining(", "))).collect(Collectors.joining());
  }

  private void section(String title, String text) {
    out.append("\n## ").append(title).append("\n\n").append(text).append("\n\n");
  }

  /** One table per group: a row per case, a column per method measured in the group. */
  private void tables(Function<Cases.Case, Function<Method, String>> cell) {
    groups.forEach((title, group) -> {
      List<Method> methods = java.util.Arrays.stream(Method.values())
          .filter(m -> group.stream().anyMatch(c -> c.results().containsKey(m))).toList();
      out.append("### ").append(title).append("\n\n| case | ")
          .append(methods.stream().map(Method::label).collect(Collectors.joining(" | ")))
          .append(" |\n|---|").append("---:|".repeat(methods.size())).append('\n');
      for (Cases.Case c : group) {
        Function<Method, String> row = cell.apply(c);
        out.append("| ").append(c.label()).append(" | ")
            .append(methods.stream().map(row).collect(Collectors.joining(" | "))).append(" |\n");
      }
      out.append('\n');
    });
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

  private void estimators() {
    if (sweeps.isEmpty()) {
      return;
    }
    section("Estimators: cost per direction", "Least-squares line t(S) = a + b·S through the times of each "
        + "method over S; b is the cost of one more direction. Break-even: the S where the line reaches the "
        + "exact operator's time by the same method (beyond it, the exact operator is cheaper).");
    out.append("| workload | method | a (ns) | b (ns per direction) | exact operator (ns) | break-even S |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    for (SampleSweeps.Sweep s : sweeps) {
      s.fits().forEach((method, fit) -> out.append("| ").append(s.workload()).append(" | ").append(method.label())
          .append(" | ").append(Format.time(fit.intercept())).append(" | ").append(Format.time(fit.slope()))
          .append(" | ").append(s.exact().flatMap(c -> c.time(method)).map(Format::time).orElse("—"))
          .append(" | ").append(s.breakEven(method).map(Format::ratio).orElse("—")).append(" |\n"));
      s.slopeRatio(Method.COLLAPSED, Method.STANDARD).ifPresent(r -> out.append("| ").append(s.workload())
          .append(" | slope collapsed / standard | | ").append(Format.ratio(r)).append(" | | |\n"));
    }
  }

  /** What the accuracy of {@code c} is measured against. */
  private String oracle(Cases.Case c) {
    Method oracle = accuracy.oracle(c).orElse(Method.DERIVATIVE_STRUCTURE);
    int order = c.operator() == Workload.Operator.LAPLACIAN ? 2 : 4;
    String text = oracle == Method.DERIVATIVE_STRUCTURE
        ? "`DerivativeStructure` with D parameters at order " + order
        : c.isEstimate() ? "S passes along the same directions in "
            + (order == 2 ? "`UnivariateDerivative2`" : "a one-parameter `DerivativeStructure` of order 4")
        : "D passes of `UnivariateDerivative2`";
    return text + accuracy.instances(c).map(n -> ", " + n + " instances").orElse("");
  }

  private static String status(Targets.Status status) {
    return switch (status) {
      case MET -> "met";
      case MISSED -> "**missed**";
      case NOT_MEASURED -> "not measured";
      case REPORTED -> "measured";
    };
  }

  private void plots(List<String> plots) {
    if (plots.isEmpty()) {
      return;
    }
    section("Plots", "Log scale; one line per method; estimators against S, with the exact operator as "
        + "dashed horizontal lines.");
    plots.forEach(p -> out.append("![").append(p).append("](").append(p).append(")\n\n"));
  }
}
