package dev.collapsar.benchmarks;

import java.util.SplittableRandom;
import org.hipparchus.CalculusFieldElement;

/**
 * The reference network of DESIGN §5, a tanh MLP D → 768 → 768 → 512 → 512 → 1, with its weights as
 * run-time arguments: u(x) = v·h₄, hₗ = tanh(Wₗhₗ₋₁ + bₗ), h₀ = x. The annotated methods of
 * {@link MlpLaplacians}, {@link MlpBiharmonics} and the reference-plan compilation all call
 * {@link #value(double[], double[][][], double[][], double[])}, written as a user writes a network
 * (run-time layer loops, {@code h = z}, as in the samples' {@code PoissonPinn}); the processor inlines
 * the call and keeps the loops as loops (the first layer's loop over the D coordinates has a
 * compile-time trip count and is unrolled).
 *
 * <p>This class carries no Collapsar annotation on purpose: the reference-plan compilation
 * ({@code src/reference-plan/java}, see pom.xml, before the default compilation) compiles it as well,
 * to inline it, and must not generate anyone else's operators.
 *
 * @param w the layer weights, {@code w[l][i][j]} from unit j of layer l − 1 (or coordinate j) to unit i
 * @param b the layer biases; their lengths are the hidden widths
 * @param v the output weights
 */
record Mlp(double[][][] w, double[][] b, double[] v) {
  /** The hidden widths of the reference network. */
  static final int[] REFERENCE_WIDTHS = {768, 768, 512, 512};

  /**
   * The input dimension of the biharmonic workloads; here, not in {@link MlpBiharmonics}, because the
   * reference-plan compilation runs first and sees only this class.
   */
  static final int BIHARMONIC_DIM = 5;

  /** u(x) of the network (w, b, v); {@code x.length} is the input dimension. */
  static double value(double[] x, double[][][] w, double[][] b, double[] v) {
    double[] h = new double[b[0].length];
    for (int i = 0; i < h.length; i++) {
      double s = b[0][i];
      for (int j = 0; j < x.length; j++) {
        s += w[0][i][j] * x[j];
      }
      h[i] = Math.tanh(s);
    }
    for (int l = 1; l < b.length; l++) {
      double[] z = new double[b[l].length];
      for (int i = 0; i < z.length; i++) {
        double s = b[l][i];
        for (int j = 0; j < h.length; j++) {
          s += w[l][i][j] * h[j];
        }
        z[i] = Math.tanh(s);
      }
      h = z;
    }
    double out = 0;
    for (int i = 0; i < h.length; i++) {
      out += v[i] * h[i];
    }
    return out;
  }

  /** {@code count} points of {@code dimension} coordinates, uniform in [−1, 1]. */
  static double[][] points(SplittableRandom random, int count, int dimension) {
    double[][] xs = new double[count][dimension];
    for (double[] x : xs) {
      for (int a = 0; a < dimension; a++) {
        x[a] = random.nextDouble(-1, 1);
      }
    }
    return xs;
  }

  /**
   * Seeded weights for input dimension {@code dimension} and the given hidden widths, uniform with
   * Glorot scale √(6 / (fan-in + fan-out)), biases in [−0.1, 0.1], output weights of scale 1/√width:
   * pre-activations of order one, so tanh is neither linear nor saturated.
   */
  static Mlp draw(SplittableRandom random, int dimension, int... widths) {
    double[][][] w = new double[widths.length][][];
    double[][] b = new double[widths.length][];
    int fanIn = dimension;
    for (int l = 0; l < widths.length; l++) {
      w[l] = new double[widths[l]][fanIn];
      b[l] = new double[widths[l]];
      double scale = Math.sqrt(6.0 / (fanIn + widths[l]));
      for (int i = 0; i < widths[l]; i++) {
        for (int j = 0; j < fanIn; j++) {
          w[l][i][j] = random.nextDouble(-scale, scale);
        }
        b[l][i] = random.nextDouble(-0.1, 0.1);
      }
      fanIn = widths[l];
    }
    double[] v = new double[fanIn];
    for (int i = 0; i < fanIn; i++) {
      v[i] = random.nextDouble(-1, 1) / Math.sqrt(fanIn);
    }
    return new Mlp(w, b, v);
  }

  /** u(x) with these weights. */
  double value(double[] x) {
    return value(x, w, b, v);
  }

  /**
   * The same network over a Hipparchus field, for the {@code DerivativeStructure} and univariate
   * baselines (of any depth: {@link NetworkWorkload} uses it for its one hidden layer). Each layer is a
   * loop of {@code multiply(double)} and {@code add}, as a user of the field API writes it; the
   * inactive weights stay doubles.
   */
  <T extends CalculusFieldElement<T>> T value(T[] x) {
    T zero = x[0].getField().getZero();
    T[] h = x;
    for (int l = 0; l < b.length; l++) {
      T[] z = org.hipparchus.util.MathArrays.buildArray(x[0].getField(), b[l].length);
      for (int i = 0; i < z.length; i++) {
        T s = zero.add(b[l][i]);
        for (int j = 0; j < h.length; j++) {
          s = s.add(h[j].multiply(w[l][i][j]));
        }
        z[i] = s.tanh();
      }
      h = z;
    }
    T out = zero;
    for (int i = 0; i < h.length; i++) {
      out = out.add(h[i].multiply(v[i]));
    }
    return out;
  }
}
