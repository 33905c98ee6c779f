package dev.collapsar.samples;

import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import org.junit.jupiter.api.Test;

/**
 * The physics-informed sample in 50 dimensions: its generated Laplacian against Hipparchus (on a
 * narrower network of the same code, so that the 50-variable oracle stays fast), and the parallel
 * batch against a sequential loop. Tolerance 1e-12 relative to the diagonal second derivatives.
 */
class PoissonPinnTest {

  @Test
  void laplacianOfA50DimensionalNetworkMatchesTheOracle() {
    PoissonPinn.Network net = PoissonPinn.network(5, 12, 10, 8);
    Oracle oracle = Oracle.of(PoissonPinn.DIM, 2, x -> TanhNetwork.value(x, net.w(), net.b(), net.v()));
    for (double[] p : SeededPoints.uniform(6, 2, PoissonPinn.DIM, -1, 1)) {
      var r = oracle.at(p);
      double scale = 1;
      for (int i = 0; i < PoissonPinn.DIM; i++) {
        int[] orders = new int[PoissonPinn.DIM];
        orders[i] = 2;
        scale += Math.abs(r.partial(orders));
      }
      Numerics.assertClose(r.laplacian(), net.laplacian(p.clone()), 1e-12, 1e-12 * scale, "Δu in 50 dimensions");
      Numerics.assertClose(-r.laplacian() - PoissonPinn.source(p), net.residual(p.clone()), 1e-12, 1e-12 * scale,
          "−Δu − f");
      Numerics.assertClose(r.laplacian(), net.laplacianAnyDimension(p.clone()), 1e-12, 1e-12 * scale,
          "Δu in 50 dimensions, dimension read at run time");
    }
  }

  @Test
  void parallelBatchEqualsSequentialMean() throws InterruptedException {
    PoissonPinn.Network net = PoissonPinn.network(8, 24, 24);
    double[][] points = SeededPoints.uniform(9, 40, PoissonPinn.DIM, -1, 1);
    double sequential = 0;
    for (double[] p : points) {
      double r = net.residual(p);
      sequential += r * r;
    }
    sequential /= points.length;
    Numerics.assertClose(sequential, ResidualBatch.meanSquared(net::residual, points, null), 1e-14, 0,
        "mean squared residual");
  }
}
