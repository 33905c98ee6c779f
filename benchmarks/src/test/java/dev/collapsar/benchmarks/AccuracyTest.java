package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Every method of every workload against its oracle: the exact methods to rounding, central
 * differences to the accuracy their step allows. This also checks that each workload's two texts
 * (the annotated method and the Hipparchus version) are the same function. The reference network is
 * checked on its narrow variant (same depth, same generated code, widths 32, 32, 16, 16), where the
 * oracles take milliseconds; the reference widths once, in {@link #theReferenceNetworkItself}.
 */
class AccuracyTest {

  @Test
  void exactMethodsAgreeWithTheOracleToRounding() {
    List<Accuracy.Row> rows = new ArrayList<>();
    for (Class<? extends OperatorBenchmark> type : Workloads.BENCHMARKS) {
      for (Map<String, String> params : Workloads.parameterSets(type)) {
        params.replace("network", "narrow");
        rows.addAll(Accuracy.measure(type, params));
      }
    }
    assertEquals(6 + 6 * 5 + 4 + 4 + 5 * 2 + 5 * 2 + 2, rows.size(), "analytic: 6 methods; 6 networks: 5; "
        + "MLP Laplacian and biharmonic: 4 each; 5 + 5 estimators: 2 each; diffusion: 2");
    for (Accuracy.Row row : rows) {
      double tolerance = row.method() == Method.CENTRAL_DIFFERENCES ? 1e-5 : 1e-13;
      assertTrue(row.relativeError() <= tolerance, row.toString());
    }
  }

  @Test
  void theReferenceNetworkItself() {
    Workload laplacian = MlpWorkload.laplacian(MlpWorkload.Network.REFERENCE, 11);
    double[] x = laplacian.point();
    double collapsed = laplacian.collapsed(x);
    assertEquals(laplacian.standard(x), collapsed, 1e-13 * Math.abs(collapsed));
    Workload estimate = MlpWorkload.laplacianEstimate(MlpWorkload.Network.REFERENCE, 1, 11);
    double oracle = new Evaluators(estimate).evaluate(Method.UNIVARIATE_PASSES, x);
    assertEquals(oracle, estimate.collapsed(x), 1e-13 * Math.abs(oracle));
  }

  @Test
  void centralDifferencesLoseDigits() {
    Accuracy.Row row = Accuracy.measure(AnalyticBenchmark.class, Map.of()).stream()
        .filter(r -> r.method() == Method.CENTRAL_DIFFERENCES).findFirst().orElseThrow();
    assertTrue(row.digitsLost() > 5 && row.correctDigits() > 5, row.toString());
  }

  @Test
  void theGradientVariantWritesTheGradient() {
    List<Workload> workloads = new ArrayList<>();
    for (int d : NetworkWorkload.DIMENSIONS) {
      workloads.add(new NetworkWorkload(d, 7));
    }
    workloads.add(MlpWorkload.laplacian(MlpWorkload.Network.NARROW, 7));
    for (Workload workload : workloads) {
      double[] x = workload.point();
      double[] gradient = new double[x.length];
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
