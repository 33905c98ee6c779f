package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Every method of every workload against the oracle: the exact methods to rounding, central
 * differences to the accuracy their step allows. This also checks that each workload's two texts
 * (the annotated method and the Hipparchus version) are the same function.
 */
class AccuracyTest {

  @Test
  void exactMethodsAgreeWithTheOracleToRounding() {
    List<Accuracy.Row> rows = Accuracy.measureAll();
    assertEquals(6 + 6 * 5, rows.size(), "analytic: 6 methods; 6 networks: 5 methods");
    for (Accuracy.Row row : rows) {
      double tolerance = row.method() == Method.CENTRAL_DIFFERENCES ? 1e-5 : 1e-14;
      assertTrue(row.relativeError() <= tolerance, row.toString());
    }
  }

  @Test
  void centralDifferencesLoseDigits() {
    Accuracy.Row row = Accuracy.measure(AnalyticBenchmark.class, java.util.Map.of()).stream()
        .filter(r -> r.method() == Method.CENTRAL_DIFFERENCES).findFirst().orElseThrow();
    assertTrue(row.digitsLost() > 5 && row.correctDigits() > 5, row.toString());
  }

  @Test
  void theGradientVariantWritesTheGradient() {
    for (int d : NetworkWorkload.DIMENSIONS) {
      Workload workload = new NetworkWorkload(d, 7);
      double[] x = workload.point();
      double[] gradient = new double[d];
      double laplacian = workload.collapsed(x, gradient);
      assertEquals(workload.collapsed(x), laplacian, 1e-15 * Math.abs(laplacian));
      assertArrayEquals(oracleGradient(workload, x), gradient, 1e-14);
    }
  }

  private static double[] oracleGradient(Workload workload, double[] x) {
    DSFactory factory = new DSFactory(x.length, 1);
    DerivativeStructure[] variables = new DerivativeStructure[x.length];
    for (int i = 0; i < x.length; i++) {
      variables[i] = factory.variable(i, x[i]);
    }
    DerivativeStructure u = workload.value(variables);
    double[] gradient = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int[] orders = new int[x.length];
      orders[i] = 1;
      gradient[i] = u.getPartialDerivative(orders);
    }
    return gradient;
  }
}
