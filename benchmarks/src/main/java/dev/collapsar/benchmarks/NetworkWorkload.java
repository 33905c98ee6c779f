package dev.collapsar.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.CalculusFieldElement;

/**
 * {@link Networks} at one dimension D as a {@link Workload}: seeded Glorot-scaled weights and a seeded
 * point in [−1, 1]^D, so pre-activations are of order one (tanh neither linear nor saturated).
 */
public final class NetworkWorkload implements Workload {
  /** The dimensions with generated operators (one pair of annotated methods each in {@link Networks}). */
  public static final int[] DIMENSIONS = {2, 4, 8, 16, 32, 64};

  /** A network with its weights as arguments; the shape of the source and generated methods. */
  @FunctionalInterface
  interface Net {
    double apply(double[] x, double[][] w1, double[] b1, double[] w2, double b2);
  }

  /** The generated no-allocation variant that also writes the gradient. */
  @FunctionalInterface
  interface NetWithGradient {
    double apply(double[] x, double[][] w1, double[] b1, double[] w2, double b2, double[] gradientOut);
  }

  private record Operators(Net collapsed, NetWithGradient collapsedGradient, Net standard) {}

  private final int dimension;
  private final Operators operators;
  private final double[][] w1;
  private final double[] b1;
  private final double[] w2;
  private final double b2;
  private final Mlp hidden;
  private final double[] point;

  /** The network of input dimension {@code dimension} (one of {@link #DIMENSIONS}) drawn from {@code seed}. */
  public NetworkWorkload(int dimension, long seed) {
    this.dimension = dimension;
    this.operators = operators(dimension);
    SplittableRandom random = new SplittableRandom(seed);
    int width = Networks.WIDTH;
    double scale1 = Math.sqrt(6.0 / (dimension + width));
    double scale2 = Math.sqrt(6.0 / (width + 1));
    w1 = new double[width][dimension];
    b1 = new double[width];
    w2 = new double[width];
    for (int j = 0; j < width; j++) {
      for (int i = 0; i < dimension; i++) {
        w1[j][i] = random.nextDouble(-1, 1) * scale1;
      }
      b1[j] = random.nextDouble(-0.1, 0.1);
      w2[j] = random.nextDouble(-1, 1) * scale2;
    }
    b2 = 0.05;
    hidden = new Mlp(new double[][][] {w1}, new double[][] {b1}, w2);
    point = random.doubles(dimension, -1, 1).toArray();
  }

  /**
   * The generated operators for one D. Method references rather than a switch per call: in a JMH fork
   * each reference has one target, so the JIT inlines the dispatch away.
   */
  private static Operators operators(int dimension) {
    return switch (dimension) {
      case 2 -> new Operators(NetworksOperators::net2Laplacian, NetworksOperators::net2Laplacian,
          NetworksOperators::net2StandardLaplacian);
      case 4 -> new Operators(NetworksOperators::net4Laplacian, NetworksOperators::net4Laplacian,
          NetworksOperators::net4StandardLaplacian);
      case 8 -> new Operators(NetworksOperators::net8Laplacian, NetworksOperators::net8Laplacian,
          NetworksOperators::net8StandardLaplacian);
      case 16 -> new Operators(NetworksOperators::net16Laplacian, NetworksOperators::net16Laplacian,
          NetworksOperators::net16StandardLaplacian);
      case 32 -> new Operators(NetworksOperators::net32Laplacian, NetworksOperators::net32Laplacian,
          NetworksOperators::net32StandardLaplacian);
      case 64 -> new Operators(NetworksOperators::net64Laplacian, NetworksOperators::net64Laplacian,
          NetworksOperators::net64StandardLaplacian);
      default -> throw new IllegalArgumentException(
          "no generated network for D = " + dimension + "; D is one of " + Arrays.toString(DIMENSIONS));
    };
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double value(double[] x) {
    return Networks.network(x, w1, b1, w2, b2);
  }

  @Override
  public double collapsed(double[] x) {
    return operators.collapsed().apply(x, w1, b1, w2, b2);
  }

  @Override
  public double collapsed(double[] x, double[] gradientOut) {
    return operators.collapsedGradient().apply(x, w1, b1, w2, b2, gradientOut);
  }

  @Override
  public double standard(double[] x) {
    return operators.standard().apply(x, w1, b1, w2, b2);
  }

  /** The hidden layer as an {@link Mlp} of depth one (which has no output bias), plus b₂. */
  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] x) {
    return hidden.value(x).add(b2);
  }
}
