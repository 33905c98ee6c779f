package dev.collapsar.benchmarks;

import java.util.Arrays;

/**
 * The generated operators of the reference network ({@link MlpLaplacians}, {@link MlpBiharmonics},
 * {@code MlpReferencePlan}) as method references of one shape, chosen once per workload. Method
 * references rather than a switch per call: in a JMH fork each reference has one target, so the JIT
 * inlines the dispatch away.
 */
final class MlpGenerated {
  /** The sample counts S with generated Laplacian estimators. */
  static final int[] LAPLACIAN_SAMPLES = {1, 8, 16, 32, 50};

  /** The sample counts S with generated biharmonic estimators. */
  static final int[] BIHARMONIC_SAMPLES = {1, 4, 8, 16, 32};

  /** A generated operator; {@code directions} are the estimator's rows, ignored by exact operators. */
  @FunctionalInterface
  interface Kernel {
    double apply(double[] x, double[][][] w, double[][] b, double[] v, double[][] directions);
  }

  /** The collapsed and the standard operator of one case. */
  record Pair(Kernel collapsed, Kernel standard) {}

  private MlpGenerated() {}

  static Pair laplacian() {
    return new Pair((x, w, b, v, d) -> MlpLaplaciansOperators.mlpLaplacian(x, w, b, v),
        (x, w, b, v, d) -> MlpLaplaciansOperators.mlpStandardLaplacian(x, w, b, v));
  }

  /** The weighted Laplacian {@code diffusion(S)}; {@code directions} is S (D × R). */
  static Pair diffusion() {
    return new Pair(MlpLaplaciansOperators::mlpDiffusion, MlpLaplaciansOperators::mlpDiffusionStandard);
  }

  /** The collapsed Laplacian that also writes ∇u. */
  static double laplacian(double[] x, double[][][] w, double[][] b, double[] v, double[] gradientOut) {
    return MlpLaplaciansOperators.mlpLaplacian(x, w, b, v, gradientOut);
  }

  static Pair biharmonic() {
    return new Pair((x, w, b, v, d) -> MlpBiharmonicsOperators.biharmonic(x, w, b, v),
        (x, w, b, v, d) -> MlpBiharmonicsOperators.biharmonicStandard(x, w, b, v));
  }

  /** The biharmonic with the reference plan (1.5D² − 0.5D four-jets instead of D²). */
  static Pair biharmonicReferencePlan() {
    return new Pair((x, w, b, v, d) -> MlpReferencePlanOperators.biharmonic(x, w, b, v),
        (x, w, b, v, d) -> MlpReferencePlanOperators.biharmonicStandard(x, w, b, v));
  }

  /** The Laplacian estimators with S given directions, S one of {@link #LAPLACIAN_SAMPLES}. */
  static Pair laplacianEstimate(int samples) {
    return switch (samples) {
      case 1 -> new Pair(MlpLaplaciansOperators::mlp1LaplacianEstimate,
          MlpLaplaciansOperators::mlp1StandardLaplacianEstimate);
      case 8 -> new Pair(MlpLaplaciansOperators::mlp8LaplacianEstimate,
          MlpLaplaciansOperators::mlp8StandardLaplacianEstimate);
      case 16 -> new Pair(MlpLaplaciansOperators::mlp16LaplacianEstimate,
          MlpLaplaciansOperators::mlp16StandardLaplacianEstimate);
      case 32 -> new Pair(MlpLaplaciansOperators::mlp32LaplacianEstimate,
          MlpLaplaciansOperators::mlp32StandardLaplacianEstimate);
      case 50 -> new Pair(MlpLaplaciansOperators::mlp50LaplacianEstimate,
          MlpLaplaciansOperators::mlp50StandardLaplacianEstimate);
      default -> throw unknown(samples, LAPLACIAN_SAMPLES);
    };
  }

  /** The biharmonic estimators with S given directions, S one of {@link #BIHARMONIC_SAMPLES}. */
  static Pair biharmonicEstimate(int samples) {
    return switch (samples) {
      case 1 -> new Pair(MlpBiharmonicsOperators::biharmonic1Estimate,
          MlpBiharmonicsOperators::biharmonic1StandardEstimate);
      case 4 -> new Pair(MlpBiharmonicsOperators::biharmonic4Estimate,
          MlpBiharmonicsOperators::biharmonic4StandardEstimate);
      case 8 -> new Pair(MlpBiharmonicsOperators::biharmonic8Estimate,
          MlpBiharmonicsOperators::biharmonic8StandardEstimate);
      case 16 -> new Pair(MlpBiharmonicsOperators::biharmonic16Estimate,
          MlpBiharmonicsOperators::biharmonic16StandardEstimate);
      case 32 -> new Pair(MlpBiharmonicsOperators::biharmonic32Estimate,
          MlpBiharmonicsOperators::biharmonic32StandardEstimate);
      default -> throw unknown(samples, BIHARMONIC_SAMPLES);
    };
  }

  private static IllegalArgumentException unknown(int samples, int[] known) {
    return new IllegalArgumentException("no generated estimator for S = " + samples + "; S is one of "
        + Arrays.toString(known));
  }
}
