package dev.collapsar.testing;

/**
 * Floating-point assertions with the tolerance written at the call site.
 *
 * <p>The test passes if |expected − actual| ≤ absTol + relTol·|expected|. The relative part handles
 * large values, the absolute part values near zero (a Laplacian that should vanish, for example),
 * where no relative tolerance is meaningful. Equal infinities pass, and NaN matches only NaN, so a
 * NaN from generated code never passes silently against a finite expectation.
 */
public final class Numerics {
  private Numerics() {}

  /** Asserts |expected − actual| ≤ absTol + relTol·|expected|; {@code what} names the quantity. */
  public static void assertClose(double expected, double actual, double relTol, double absTol, String what) {
    if (!isClose(expected, actual, relTol, absTol)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (error "
          + Math.abs(expected - actual) + ", relative " + relativeError(expected, actual) + "; allowed "
          + (absTol + relTol * Math.abs(expected)) + " = absTol " + absTol + " + relTol " + relTol + " × |expected|)");
    }
  }

  /** {@link #assertClose} element by element; the lengths must match. */
  public static void assertArrayClose(double[] expected, double[] actual, double relTol, double absTol, String what) {
    if (expected.length != actual.length) {
      throw new AssertionError(what + ": expected " + expected.length + " values but got " + actual.length);
    }
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i], relTol, absTol, what + "[" + i + "]");
    }
  }

  /** Whether {@code actual} is within absTol + relTol·|expected| of {@code expected}. */
  public static boolean isClose(double expected, double actual, double relTol, double absTol) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual);
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual;
    }
    return Math.abs(expected - actual) <= absTol + relTol * Math.abs(expected);
  }

  /** |expected − actual| / |expected|, or the absolute error when expected is 0. */
  public static double relativeError(double expected, double actual) {
    double error = Math.abs(expected - actual);
    return expected == 0 ? error : error / Math.abs(expected);
  }
}
