package dev.collapsar.benchmarks;

import java.util.Locale;

/**
 * results.csv: one line per case and method, with the raw numbers (no rounding beyond what JMH
 * gives), for anyone who wants to plot or compare runs. {@code samples} is S for an estimator, 0 for
 * an exact operator.
 */
final class CsvReport {
  static final String HEADER = "workload,dimension,samples,method,ns_per_call,ns_error,ratio_to_collapsed,"
      + "bytes_per_call,relative_error,correct_digits";

  private CsvReport() {}

  static String render(Cases cases, AccuracyTable accuracy) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Cases.Case c : cases.all()) {
      for (JmhResults.Result r : c.results().values()) {
        Accuracy.Row row = accuracy.row(c, r.method()).orElse(null);
        out.append(String.join(",", c.workload(), Integer.toString(c.dimension()),
            Integer.toString(c.samples()), r.method().benchmark(),
            number(r.score()), number(r.scoreError()), number(c.ratioToCollapsed(r.method()).orElse(Double.NaN)),
            number(r.allocatedBytes()),
            row == null ? "" : number(row.relativeError()),
            row == null ? "" : number(row.correctDigits()))).append('\n');
      }
    }
    return out.toString();
  }

  /** Empty for NaN (unknown), so that spreadsheets read the column as numbers. */
  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
  }
}
