package dev.collapsar.testing;

import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A tanh network u(x) = vᵀ tanh(W_L … tanh(W_1 x + b_1) … + b_L) with seeded weights, evaluated in
 * Hipparchus for the oracle, and {@link #LAYER_LOOP}, the same network as users write it in Java
 * (weights as run-time arrays, a layer loop that starts from {@code h = x} and reassigns {@code h = z}).
 *
 * @param w the weight matrices, layer by layer
 * @param b the biases
 * @param v the output weights
 */
public record TanhNetwork(double[][][] w, double[][] b, double[] v) {

  /** The body of {@code static double <name>(double[] x, double[][][] w, double[][] b, double[] v)}. */
  public static final String LAYER_LOOP = "    double[] h = x;\n" + layersFrom(0);

  /**
   * The same network with its first layer written over the coordinates directly ({@code x[j]}, a loop
   * of compile-time length when {@code dim} is given), as the samples' {@code PoissonPinn} writes it.
   */
  public static final String EXPLICIT_FIRST_LAYER = """
          double[] h = new double[b[0].length];
          for (int i = 0; i < h.length; i++) {
            double s = b[0][i];
            for (int j = 0; j < x.length; j++) {
              s += w[0][i][j] * x[j];
            }
            h[i] = Math.tanh(s);
          }
      """ + layersFrom(1);

  /** The layers {@code first}, … of the loop {@code h = tanh(w[l]·h + b[l])}, then the output v·h. */
  private static String layersFrom(int first) {
    return """
            for (int l = %d; l < b.length; l++) {
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
        """.formatted(first);
  }

  /** Glorot-scaled weights for the layer widths {@code widths[0]} (the input) → … → {@code widths[L]}. */
  public static TanhNetwork random(long seed, int... widths) {
    SplittableRandom random = new SplittableRandom(seed);
    int layers = widths.length - 1;
    double[][][] w = new double[layers][][];
    double[][] b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = new double[widths[l + 1]][widths[l]];
      b[l] = new double[widths[l + 1]];
      for (int i = 0; i < widths[l + 1]; i++) {
        b[l][i] = random.nextDouble(-0.2, 0.2);
        for (int j = 0; j < widths[l]; j++) {
          w[l][i][j] = random.nextDouble(-1, 1) / Math.sqrt(widths[l]);
        }
      }
    }
    double[] v = random.doubles(widths[layers], -1, 1).toArray();
    return new TanhNetwork(w, b, v);
  }

  /** u(x) in Hipparchus. */
  public DerivativeStructure value(DerivativeStructure[] x) {
    return value(x, w, b, v);
  }

  /** u(x) in Hipparchus for any weights of this shape. */
  public static DerivativeStructure value(DerivativeStructure[] x, double[][][] w, double[][] b, double[] v) {
    DerivativeStructure[] h = x;
    for (int l = 0; l < b.length; l++) {
      DerivativeStructure[] z = new DerivativeStructure[b[l].length];
      for (int i = 0; i < z.length; i++) {
        DerivativeStructure s = x[0].getField().getZero().add(b[l][i]);
        for (int j = 0; j < h.length; j++) {
          s = s.add(h[j].multiply(w[l][i][j]));
        }
        z[i] = s.tanh();
      }
      h = z;
    }
    DerivativeStructure out = x[0].getField().getZero();
    for (int i = 0; i < h.length; i++) {
      out = out.add(h[i].multiply(v[i]));
    }
    return out;
  }
}
