package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random operator texts over scalar coordinates x0..x{D−1}, with coefficient parameters a (double)
 * and n (int): random multi-indices of order 0 to 4, integer, decimal and symbolic coefficients,
 * and now and then {@code laplacian} or {@code biharmonic}.
 */
record RandomOperator(String text, OperatorSignature signature) {

  static RandomOperator generate(Random random, int dimension) {
    StringBuilder text = new StringBuilder();
    int terms = 1 + random.nextInt(6);
    for (int t = 0; t < terms; t++) {
      text.append(t == 0 ? "" : random.nextBoolean() ? " + " : " - ").append(coefficient(random, dimension)).append('*')
          .append(atom(random, dimension));
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      names.add("x" + i);
    }
    List<OperatorParameter> parameters = new ArrayList<>();
    names.forEach(n -> parameters.add(new OperatorParameter(n, Type.DOUBLE)));
    parameters.add(new OperatorParameter("a", Type.DOUBLE));
    parameters.add(new OperatorParameter("n", Type.INT));
    return new RandomOperator(text.toString(), new OperatorSignature(parameters, names, OperatorSignature.NO_DIM));
  }

  Map<String, Double> values(Random random) {
    Map<String, Double> values = new HashMap<>();
    values.put("a", random.nextDouble() * 2 - 1);
    values.put("n", (double) (1 + random.nextInt(3)));
    return values;
  }

  private static String coefficient(Random random, int dimension) {
    return switch (random.nextInt(6)) {
      case 0 -> Integer.toString(1 + random.nextInt(5));
      case 1 -> String.format(Locale.ROOT, "%.3f", random.nextDouble() * 4);
      case 2 -> "a";
      case 3 -> "(a + 0.5)/n";
      case 4 -> "x" + random.nextInt(dimension) + "*a";
      default -> "1.5e-1";
    };
  }

  private static String atom(Random random, int dimension) {
    int kind = random.nextInt(12);
    if (kind == 0) {
      return "laplacian";
    }
    if (kind == 1) {
      return "biharmonic";
    }
    int order = random.nextInt(5);
    if (order == 0) {
      return "u";
    }
    StringBuilder d = new StringBuilder("D[");
    for (int k = 0; k < order; k++) {
      d.append(k == 0 ? "" : ",").append('x').append(random.nextInt(dimension));
    }
    return d.append(']').toString();
  }

  /** A random symmetric D×D matrix G Gᵀ of the given rank, entries multiples of 1/4, sign-mixed. */
  static double[][] lowRankSymmetric(Random random, int dimension, int rank) {
    double[][] g = new double[dimension][rank];
    double[] signs = new double[rank];
    for (int k = 0; k < rank; k++) {
      signs[k] = random.nextBoolean() ? 1 : -1;
      for (int i = 0; i < dimension; i++) {
        g[i][k] = (random.nextInt(7) - 3) / 2.0;
      }
    }
    double[][] c = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j < dimension; j++) {
        for (int k = 0; k < rank; k++) {
          c[i][j] += signs[k] * g[i][k] * g[j][k];
        }
      }
    }
    return c;
  }

  /** The text of Tr(C ∇²u) over scalar coordinates x0..: Σ Cₐₐ D[xa,xa] + Σ_{a<b} 2Cₐ_b D[xa,xb]. */
  static String secondOrderText(double[][] c) {
    StringBuilder text = new StringBuilder("0*u");
    for (int a = 0; a < c.length; a++) {
      for (int b = a; b < c.length; b++) {
        double coefficient = a == b ? c[a][a] : 2 * c[a][b];
        if (coefficient != 0) {
          text.append(" + (").append(coefficient).append(")*D[x").append(a).append(",x").append(b).append(']');
        }
      }
    }
    return text.toString();
  }

  static OperatorSignature scalarSignature(int dimension) {
    List<OperatorParameter> parameters = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      parameters.add(new OperatorParameter("x" + i, Type.DOUBLE));
      names.add("x" + i);
    }
    return new OperatorSignature(parameters, names, OperatorSignature.NO_DIM);
  }

  /** Double parameters with these names, no wrt, no dim. */
  static OperatorSignature signatureOf(String... names) {
    List<OperatorParameter> parameters = new ArrayList<>();
    for (String n : names) {
      parameters.add(new OperatorParameter(n, Type.DOUBLE));
    }
    return new OperatorSignature(parameters, List.of(), OperatorSignature.NO_DIM);
  }
}
