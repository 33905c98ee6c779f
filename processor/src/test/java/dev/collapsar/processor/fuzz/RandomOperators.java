package dev.collapsar.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random linear operator texts for {@code @LinearPDE}, with the same operator as a list of
 * multi-indices and weights for the oracle: random multi-indices up to order 4, constant
 * coefficients, an optional parameter coefficient, and occasional {@code u}, {@code laplacian} and
 * {@code biharmonic} atoms.
 */
public final class RandomOperators {
  private RandomOperators() {}

  /**
   * An operator: Σ weights[t]·∂^{alphas[t]}u equals what {@code text} means, with the parameter
   * already multiplied into its term's weight.
   */
  public record Operator(String text, List<int[]> alphas, List<Double> weights) {
    /** Σ weight·partial, and Σ |weight·partial| (the scale its rounding error is relative to). */
    public double[] apply(java.util.function.Function<int[], Double> partial) {
      double sum = 0;
      double scale = 0;
      for (int t = 0; t < alphas.size(); t++) {
        double term = weights.get(t) * partial.apply(alphas.get(t));
        sum += term;
        scale += Math.abs(term);
      }
      return new double[] {sum, scale};
    }
  }

  /**
   * @param variables the coordinate names, in order
   * @param parameter a coefficient parameter's name, or null
   * @param parameterValue the value that parameter will be called with
   */
  public static Operator generate(SplittableRandom random, List<String> variables, String parameter,
      double parameterValue) {
    int dimension = variables.size();
    int terms = 1 + random.nextInt(4);
    StringBuilder text = new StringBuilder();
    List<int[]> alphas = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int t = 0; t < terms; t++) {
      double weight = Math.round(random.nextDouble(-3, 3) * 4) / 4.0;
      if (weight == 0) {
        weight = 1.5;
      }
      text.append(t == 0 ? "" : " + ").append(weight < 0 ? "(" + weight + ")" : weight).append('*');
      if (t == 0 && parameter != null) {
        text.append(parameter).append('*');
        weight *= parameterValue;
      }
      int kind = random.nextInt(10);
      if (kind == 0) {
        text.append('u');
        alphas.add(new int[dimension]);
        weights.add(weight);
      } else if (kind == 1) {
        text.append("laplacian");
        addSums(alphas, weights, dimension, weight, false);
      } else if (kind == 2 && dimension <= 3) {
        text.append("biharmonic");
        addSums(alphas, weights, dimension, weight, true);
      } else {
        int order = 1 + random.nextInt(4);
        int[] alpha = new int[dimension];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < order; k++) {
          int v = random.nextInt(dimension);
          alpha[v]++;
          names.add(variables.get(v));
        }
        text.append("D[").append(String.join(",", names)).append(']');
        alphas.add(alpha);
        weights.add(weight);
      }
    }
    return new Operator(text.toString(), alphas, weights);
  }

  /** laplacian = Σ ∂ᵢ²; biharmonic = Σ_{a,b} ∂_a²∂_b², as multi-indices. */
  private static void addSums(List<int[]> alphas, List<Double> weights, int dimension, double weight, boolean squared) {
    for (int a = 0; a < dimension; a++) {
      for (int b = 0; b < (squared ? dimension : 1); b++) {
        int[] alpha = new int[dimension];
        alpha[a] += 2;
        if (squared) {
          alpha[b] += 2;
        }
        alphas.add(alpha);
        weights.add(weight);
      }
    }
  }
}
