package dev.collapsar.processor.taylor;

/** Binomial coefficients and integer partitions for the Taylor rules (orders are tiny: K ≤ 4). */
final class Binomial {
  private Binomial() {}

  static long choose(int n, int k) {
    long result = 1;
    for (int i = 1; i <= k; i++) {
      result = result * (n - k + i) / i;
    }
    return result;
  }

  static long factorial(int n) {
    long result = 1;
    for (int i = 2; i <= n; i++) {
      result *= i;
    }
    return result;
  }
}
