package dev.collapsar.benchmarks;

import java.util.SplittableRandom;

/**
 * What a batch benchmark calls with: a seeded network, its points and room for the results (the
 * same seed for every batch benchmark, so their tables describe the same network).
 *
 * @param mlp the network's weights
 * @param xs one row of coordinates per point
 * @param out one entry per point
 */
record MlpBatch(Mlp mlp, double[][] xs, double[] out) {
  static MlpBatch draw(int points, int dimension, int... widths) {
    SplittableRandom random = new SplittableRandom(20261203);
    Mlp mlp = Mlp.draw(random, dimension, widths);
    return new MlpBatch(mlp, Mlp.points(random, points, dimension), new double[points]);
  }
}
