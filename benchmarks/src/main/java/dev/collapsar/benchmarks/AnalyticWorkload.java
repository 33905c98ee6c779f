package dev.collapsar.benchmarks;

import java.util.SplittableRandom;
import org.hipparchus.CalculusFieldElement;

/** {@link Analytic} as a {@link Workload} (D = 2), at a seeded point away from the origin. */
public final class AnalyticWorkload implements Workload {
  private final double[] point;

  /** The workload at a point drawn from {@code seed}, with 0.3 ≤ |x|, |y| ≤ 1.2 (r stays away from 0). */
  public AnalyticWorkload(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    point = new double[] {signed(random), signed(random)};
  }

  private static double signed(SplittableRandom random) {
    double magnitude = random.nextDouble(0.3, 1.2);
    return random.nextBoolean() ? magnitude : -magnitude;
  }

  @Override
  public String name() {
    return "analytic";
  }

  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double value(double[] x) {
    return Analytic.u(x[0], x[1]);
  }

  @Override
  public double collapsed(double[] x) {
    return AnalyticOperators.uLaplacian(x[0], x[1]);
  }

  @Override
  public double collapsed(double[] x, double[] gradientOut) {
    return AnalyticOperators.uLaplacian(x[0], x[1], gradientOut);
  }

  @Override
  public double standard(double[] x) {
    return AnalyticOperators.uStandardLaplacian(x[0], x[1]);
  }

  /** The hand-written Laplacian is the only variant. */
  @Override
  public double variant(Method method, double[] x) {
    return method == Method.HAND_WRITTEN ? Analytic.laplacian(x[0], x[1]) : Workload.super.variant(method, x);
  }

  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] x) {
    T r = x[0].multiply(x[0]).add(x[1].multiply(x[1])).sqrt();
    return r.negate().exp().multiply(x[0]);
  }
}
