package dev.collapsar.benchmarks;

import java.util.Locale;

/** Number formats shared by the tables: three significant digits is what the noise allows. */
final class Format {
  private Format() {}

  /** A time such as {@code 1234}, {@code 56.7} or {@code 8.91} (negative for a fitted intercept). */
  static String time(double nanos) {
    if (Double.isNaN(nanos)) {
      return "—";
    }
    double magnitude = Math.abs(nanos);
    return magnitude >= 100 ? String.format(Locale.ROOT, "%,.0f", nanos)
        : magnitude >= 10 ? String.format(Locale.ROOT, "%.1f", nanos)
        : String.format(Locale.ROOT, "%.2f", nanos);
  }

  /** A time with JMH's error, or the time alone when the error is unknown (one iteration). */
  static String timeWithError(double nanos, double error) {
    return Double.isNaN(error) ? time(nanos) : time(nanos) + " ± " + time(error);
  }

  /** A ratio such as {@code 0.52}, {@code 12.3} or {@code 456}. */
  static String ratio(double ratio) {
    return ratio >= 100 ? String.format(Locale.ROOT, "%,.0f", ratio)
        : ratio >= 10 ? String.format(Locale.ROOT, "%.1f", ratio)
        : String.format(Locale.ROOT, "%.2f", ratio);
  }

  /** Bytes per call: {@code 0} below half a byte (JMH's own bookkeeping), else an integer. */
  static String bytes(double bytes) {
    if (Double.isNaN(bytes)) {
      return "—";
    }
    return bytes < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", bytes);
  }

  /** A relative error such as {@code 2.1e-16}. */
  static String error(double error) {
    return String.format(Locale.ROOT, "%.1e", error);
  }

  /** Digits to one decimal. */
  static String digits(double digits) {
    return String.format(Locale.ROOT, "%.1f", digits);
  }
}
