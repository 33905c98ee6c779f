package dev.collapsar.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimator workloads swept over the number of directions S. Per method, a least-squares line
 * t(S) = a + b·S through the measured times: b is the cost of one more direction (the per-sample
 * slope), a what every estimate pays once (the primal part). The break-even S* is where the line
 * meets the time of the exact operator by the same method, measured in the same run: below S* the
 * estimator is cheaper, beyond it the exact operator.
 */
final class SampleSweeps {

  /** A line t(S) = intercept + slope·S. */
  record Fit(double intercept, double slope) {
    /** The least-squares line through (S, t), if there are at least two distinct S. */
    static Optional<Fit> of(List<double[]> points) {
      int n = points.size();
      if (n < 2) {
        return Optional.empty();
      }
      double meanS = points.stream().mapToDouble(p -> p[0]).sum() / n;
      double meanT = points.stream().mapToDouble(p -> p[1]).sum() / n;
      double sst = 0;
      double ss = 0;
      for (double[] p : points) {
        sst += (p[0] - meanS) * (p[1] - meanT);
        ss += (p[0] - meanS) * (p[0] - meanS);
      }
      if (ss == 0) {
        return Optional.empty();
      }
      double slope = sst / ss;
      return Optional.of(new Fit(meanT - slope * meanS, slope));
    }

    /** The S where the line reaches {@code time}. */
    double solve(double time) {
      return (time - intercept) / slope;
    }
  }

  /**
   * One estimator workload over S.
   *
   * @param cases its cases, by S
   * @param exact the case of the exact operator, if measured in the same run
   * @param fits the line of every method measured at two S or more
   */
  record Sweep(String workload, List<Cases.Case> cases, Optional<Cases.Case> exact, Map<Method, Fit> fits) {
    /** slope(numerator) / slope(denominator), if both were fitted. */
    Optional<Double> slopeRatio(Method numerator, Method denominator) {
      Fit top = fits.get(numerator);
      Fit bottom = fits.get(denominator);
      return top == null || bottom == null ? Optional.empty() : Optional.of(top.slope() / bottom.slope());
    }

    /** S* for {@code method}: where its estimator costs as much as its exact operator. */
    Optional<Double> breakEven(Method method) {
      Fit fit = fits.get(method);
      return fit == null ? Optional.empty() : exact.flatMap(c -> c.time(method)).map(fit::solve);
    }

    /** The largest S measured, beyond which a break-even is an extrapolation. */
    int largestSamples() {
      return cases.stream().mapToInt(Cases.Case::samples).max().orElse(0);
    }
  }

  private SampleSweeps() {}

  /** A sweep per estimator workload of {@code cases}, in workload order. */
  static List<Sweep> of(Cases cases) {
    List<Sweep> sweeps = new ArrayList<>();
    for (String workload : cases.workloads()) {
      List<Cases.Case> sweep = cases.of(workload).stream().filter(Cases.Case::isEstimate).toList();
      if (sweep.isEmpty()) {
        continue;
      }
      Map<Method, Fit> fits = new EnumMap<>(Method.class);
      for (Method method : cases.methods()) {
        List<double[]> points = new ArrayList<>();
        sweep.forEach(c -> c.time(method).ifPresent(t -> points.add(new double[] {c.samples(), t})));
        Fit.of(points).ifPresent(f -> fits.put(method, f));
      }
      sweeps.add(new Sweep(workload, sweep, cases.exactOf(sweep.get(0)), fits));
    }
    return sweeps;
  }
}
