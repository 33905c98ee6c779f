package dev.collapsar.benchmarks;

import java.util.SplittableRandom;

/**
 * The reference network's operators as {@link BatchVsPoint} and {@link SideBySide} call them: the
 * point method, its batch method, and the multiply-adds a forward computation of the operator must do
 * (so that a time becomes GFLOP/s against the core's peak).
 *
 * <p>Names: {@code laplacian} (collapsed, D = 50), {@code standard} (its standard mode),
 * {@code diffusion} (Tr(S Sᵀ∇²u), S 50 × 50), {@code estimate} (the Laplacian estimator over 50 given
 * rows), {@code biharmonic} and {@code biharmonicStandard} (D = 5, D² plan), {@code biharmonicEstimate}
 * (its estimator over 16 given rows).
 */
final class ReferenceOperators {
  /** One point. */
  interface Point {
    double at(double[] x);
  }

  /** Many points, one result each into {@code out}. */
  interface Batch {
    void run(double[][] xs, double[] out);
  }

  /**
   * An operator of one network: its point and batch method, the coordinates' dimension, and the
   * floating-point operations of one point's collapsed forward sweep (the matrix products' multiply-adds,
   * twice; a standard mode does more work, its GFLOP/s count the collapsed sweep's).
   */
  record Operator(String name, int dimension, double flops, Point point, Batch batch) {
    double gflops(double millis) {
      return flops / millis / 1e6;
    }
  }

  /** The biharmonic estimator's directions S (a generated method for S = 16). */
  static final int BIHARMONIC_SAMPLES = 16;

  private ReferenceOperators() {}

  /** The operator called {@code name} on the network drawn from {@code seed} (the same seed, the same network). */
  static Operator of(String name, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean biharmonic = name.startsWith("biharmonic");
    int dimension = biharmonic ? Mlp.BIHARMONIC_DIM : MlpLaplacians.DIM;
    Mlp mlp = Mlp.draw(random, dimension, Mlp.REFERENCE_WIDTHS);
    double[][][] w = mlp.w();
    double[][] b = mlp.b();
    double[] v = mlp.v();
    int directions = name.equals("biharmonicEstimate") ? BIHARMONIC_SAMPLES : biharmonic ? 25 : 50;
    double[][] rows = Mlp.points(random, directions, dimension); // estimator rows, or the columns of S
    // rows through each weight matrix: value, one per direction, the collapsed sum (second order);
    // value, three per direction, the collapsed 4th coefficient (fourth order)
    double flops = 2.0 * (biharmonic ? 2 + 3 * directions : 2 + directions) * multiplyAdds(dimension);
    return switch (name) {
      case "laplacian" -> new Operator(name, dimension, flops,
          x -> MlpLaplaciansOperators.mlpLaplacian(x, w, b, v),
          (xs, out) -> MlpLaplaciansOperators.mlpLaplacianBatch(xs, w, b, v, out));
      case "standard" -> new Operator(name, dimension, flops,
          x -> MlpLaplaciansOperators.mlpStandardLaplacian(x, w, b, v),
          (xs, out) -> MlpLaplaciansOperators.mlpStandardLaplacianBatch(xs, w, b, v, out));
      case "diffusion" -> new Operator(name, dimension, flops,
          x -> MlpLaplaciansOperators.mlpDiffusion(x, w, b, v, rows),
          (xs, out) -> MlpLaplaciansOperators.mlpDiffusionBatch(xs, w, b, v, rows, out));
      case "estimate" -> new Operator(name, dimension, flops,
          x -> MlpLaplaciansOperators.mlp50LaplacianEstimate(x, w, b, v, rows),
          (xs, out) -> MlpLaplaciansOperators.mlp50LaplacianEstimateBatch(xs, w, b, v, rows, out));
      case "biharmonic" -> new Operator(name, dimension, flops,
          x -> MlpBiharmonicsOperators.biharmonic(x, w, b, v),
          (xs, out) -> MlpBiharmonicsOperators.biharmonicBatch(xs, w, b, v, out));
      case "biharmonicStandard" -> new Operator(name, dimension, flops,
          x -> MlpBiharmonicsOperators.biharmonicStandard(x, w, b, v),
          (xs, out) -> MlpBiharmonicsOperators.biharmonicStandardBatch(xs, w, b, v, out));
      case "biharmonicEstimate" -> new Operator(name, dimension, flops,
          x -> MlpBiharmonicsOperators.biharmonic16Estimate(x, w, b, v, rows),
          (xs, out) -> MlpBiharmonicsOperators.biharmonic16EstimateBatch(xs, w, b, v, rows, out));
      default -> throw new IllegalArgumentException("unknown operator " + name
          + ": laplacian, standard, diffusion, estimate, biharmonic, biharmonicStandard or biharmonicEstimate");
    };
  }

  /** The forward pass's multiply-adds: D·768 + 768·768 + 768·512 + 512·512 + 512. */
  static long multiplyAdds(int dimension) {
    long total = 0;
    int fanIn = dimension;
    for (int width : Mlp.REFERENCE_WIDTHS) {
      total += (long) fanIn * width;
      fanIn = width;
    }
    return total + fanIn;
  }
}
