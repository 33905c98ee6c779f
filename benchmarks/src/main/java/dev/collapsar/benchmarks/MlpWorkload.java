package dev.collapsar.benchmarks;

import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.CalculusFieldElement;

/**
 * The reference network {@link Mlp} as a {@link Workload}, for one of four operators: the Laplacian
 * at D = 50, the biharmonic at D = 5, and their randomized estimators with S fixed seeded Gaussian
 * directions (the rows that the generated {@code …Estimate(params, double[][] v)} takes). The same
 * seed draws the same weights and point for all four (then the directions), so an estimator and the
 * exact operator it estimates are measured on the same function at the same point.
 */
public final class MlpWorkload implements Workload {

  /** The network: the reference widths, or a narrow one of the same depth for fast checks. */
  public enum Network {
    REFERENCE("", Mlp.REFERENCE_WIDTHS),
    NARROW("Narrow", new int[] {32, 32, 16, 16});

    private final String suffix;
    private final int[] widths;

    Network(String suffix, int[] widths) {
      this.suffix = suffix;
      this.widths = widths;
    }

    /** The network named {@code name} ({@code reference} or {@code narrow}), as a JMH parameter. */
    public static Network of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  /** The name of the exact Laplacian workload on the reference network. */
  static final String LAPLACIAN = "mlpLaplacian";
  /** The name of the weighted Laplacian workload on the reference network. */
  static final String DIFFUSION = "mlpDiffusion";
  /** The name of the exact biharmonic workload on the reference network. */
  static final String BIHARMONIC = "mlpBiharmonic";

  private final String name;
  private final String exactName;
  private final Operator operator;
  private final int samples;
  private final Network network;
  private final Mlp mlp;
  private final double[] point;
  private final double[][] directions;
  /** Whether {@code directions} is the diffusion matrix S (D × R) rather than S estimator rows. */
  private final boolean diffusion;
  private final MlpGenerated.Pair generated;
  private final MlpGenerated.Pair referencePlan;

  private MlpWorkload(String exact, Operator operator, int dimension, int samples, Network network, long seed,
      MlpGenerated.Pair generated, MlpGenerated.Pair referencePlan) {
    this.exactName = exact + network.suffix;
    this.name = samples == 0 ? exactName : exact + "Estimate" + network.suffix;
    this.operator = operator;
    this.samples = samples;
    this.network = network;
    SplittableRandom random = new SplittableRandom(seed);
    this.mlp = Mlp.draw(random, dimension, network.widths);
    this.point = random.doubles(dimension, -1, 1).toArray();
    this.diffusion = exact.equals(DIFFUSION);
    this.directions = new double[diffusion ? dimension : samples][dimension];
    for (double[] row : directions) {
      for (int i = 0; i < dimension; i++) {
        row[i] = diffusion ? random.nextDouble(-1, 1) / Math.sqrt(dimension) : random.nextGaussian();
      }
    }
    this.generated = generated;
    this.referencePlan = referencePlan;
  }

  /** The exact Laplacian at D = 50. */
  public static MlpWorkload laplacian(Network network, long seed) {
    return new MlpWorkload(LAPLACIAN, Operator.LAPLACIAN, MlpLaplacians.DIM, 0, network, seed,
        MlpGenerated.laplacian(), null);
  }

  /** The exact biharmonic at D = 5, with both plans. */
  public static MlpWorkload biharmonic(Network network, long seed) {
    return new MlpWorkload(BIHARMONIC, Operator.BIHARMONIC, MlpBiharmonics.DIM, 0, network, seed,
        MlpGenerated.biharmonic(), MlpGenerated.biharmonicReferencePlan());
  }

  /** Tr(S Sᵀ∇²u) at D = 50 for a seeded 50 × 50 matrix S (R = D). */
  public static MlpWorkload diffusion(Network network, long seed) {
    return new MlpWorkload(DIFFUSION, Operator.LAPLACIAN, MlpLaplacians.DIM, 0, network, seed,
        MlpGenerated.diffusion(), null);
  }

  /** (1/S) Σₛ ∂²u[vₛ] at D = 50, S one of {@link MlpGenerated#LAPLACIAN_SAMPLES}. */
  public static MlpWorkload laplacianEstimate(Network network, int samples, long seed) {
    return new MlpWorkload(LAPLACIAN, Operator.LAPLACIAN, MlpLaplacians.DIM, samples, network, seed,
        MlpGenerated.laplacianEstimate(samples), null);
  }

  /** (1/(3S)) Σₛ ∂⁴u[vₛ] at D = 5, S one of {@link MlpGenerated#BIHARMONIC_SAMPLES}. */
  public static MlpWorkload biharmonicEstimate(Network network, int samples, long seed) {
    return new MlpWorkload(BIHARMONIC, Operator.BIHARMONIC, MlpBiharmonics.DIM, samples, network, seed,
        MlpGenerated.biharmonicEstimate(samples), null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimension() {
    return point.length;
  }

  @Override
  public Operator operator() {
    return operator;
  }

  @Override
  public int samples() {
    return samples;
  }

  @Override
  public String exactWorkload() {
    return exactName;
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double value(double[] x) {
    return mlp.value(x);
  }

  @Override
  public double collapsed(double[] x) {
    return generated.collapsed().apply(x, mlp.w(), mlp.b(), mlp.v(), directions);
  }

  @Override
  public double collapsed(double[] x, double[] gradientOut) {
    if (operator != Operator.LAPLACIAN || samples != 0 || diffusion) {
      return Workload.super.collapsed(x, gradientOut);
    }
    return MlpGenerated.laplacian(x, mlp.w(), mlp.b(), mlp.v(), gradientOut);
  }

  @Override
  public double standard(double[] x) {
    return generated.standard().apply(x, mlp.w(), mlp.b(), mlp.v(), directions);
  }

  /** The biharmonic with the reference plan, collapsed or standard. */
  @Override
  public double variant(Method method, double[] x) {
    MlpGenerated.Kernel kernel = referencePlan == null ? null : switch (method) {
      case COLLAPSED_REFERENCE_PLAN -> referencePlan.collapsed();
      case STANDARD_REFERENCE_PLAN -> referencePlan.standard();
      default -> null;
    };
    return kernel == null ? Workload.super.variant(method, x) : kernel.apply(x, mlp.w(), mlp.b(), mlp.v(), directions);
  }

  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] x) {
    return mlp.value(x);
  }

  /**
   * Exact operators: the Laplacian as D basis directions or partials, the biharmonic as partials.
   * Estimators: their own directions with their scale, 1/S for ∂²u and 1/(3S) for ∂⁴u (Isserlis).
   */
  @Override
  public Derivatives derivatives() {
    if (diffusion) {
      return Derivatives.along(2, columns(directions), 1.0);
    }
    if (samples > 0) {
      return operator == Operator.LAPLACIAN ? Derivatives.along(2, directions, 1.0 / samples)
          : Derivatives.along(4, directions, 1.0 / (3 * samples));
    }
    return operator == Operator.LAPLACIAN ? Derivatives.laplacian(dimension()) : Derivatives.biharmonic(dimension());
  }

  /**
   * D passes of {@code UnivariateDerivative2} for the Laplacian (one {@code DerivativeStructure} of 50
   * parameters would take seconds), {@code DerivativeStructure} of order 4 for the biharmonic, and
   * univariate passes along the given directions for the estimators.
   */
  @Override
  public Method oracle() {
    return operator == Operator.BIHARMONIC && samples == 0 ? Method.DERIVATIVE_STRUCTURE : Method.UNIVARIATE_PASSES;
  }

  /** The columns of {@code s}: Tr(S Sᵀ∇²u) = Σ_r ∂²u[S e_r]. */
  private static double[][] columns(double[][] s) {
    double[][] columns = new double[s[0].length][s.length];
    for (int i = 0; i < s.length; i++) {
      for (int r = 0; r < s[0].length; r++) {
        columns[r][i] = s[i][r];
      }
    }
    return columns;
  }

  /** Two on the reference network, where an oracle takes up to a second; eight on the narrow one. */
  @Override
  public int accuracyInstances() {
    return network == Network.REFERENCE ? 2 : 8;
  }
}
