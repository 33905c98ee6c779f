package dev.collapsar.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a random program differentiates and how its operator is called: scalar coordinates
 * {@code x0, x1, …} or one {@code double[] x} (with or without {@code dim}), the operator kind, and the
 * parameters every program takes after its coordinates: {@code int n} (the run-time loop bound),
 * {@code double[] w}, {@code double[][] m} (weights read with constant and run-time indices) and, for
 * {@code diffusion}/{@code drift}, {@code double[][] sd} (dim × R) and {@code double[] bd}.
 *
 * @param dimension the number of coordinates (the length of x when it is an array)
 * @param array whether the coordinates are one {@code double[] x}
 * @param dimGiven whether an array's length is given as {@code dim} (else read at run time)
 * @param operator the random {@code D[…]} terms of an operator; null for a Laplacian or estimator
 * @param directions an estimator's given directions (S rows of length dimension), else null
 * @param diffusion {@code sd}, the diffusion matrix, and {@code bd}, the drift, or null
 */
record Shape(int dimension, boolean array, boolean dimGiven, Kind kind, RandomOperators.Operator operator,
    double[][] directions, Diffusion diffusion) {

  /** What the generated method computes. */
  enum Kind { LAPLACIAN, OPERATOR, ESTIMATE, DIFFUSION }

  /** The {@code diffusion(sd)} and {@code drift(bd)} terms with their coefficients. */
  record Diffusion(double[][] sd, double[] bd, double diffusionWeight, double driftWeight) {
    String text() {
      return literal(diffusionWeight) + "*diffusion(sd) + " + literal(driftWeight) + "*drift(bd)";
    }
  }

  static final String BOUND = "n";
  static final int RUNTIME_BOUND = 3;
  static final double[] WEIGHTS = {0.5, -1.25, 0.75, 2.0};
  /** Rows and columns of {@code m}: as long as the longest array a program may index it by. */
  static final int MATRIX_SIZE = 48;
  static final double[][] MATRIX = matrix();

  String coordinate(int i) {
    return array ? "x[" + i + "]" : "x" + i;
  }

  List<String> coordinates() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      names.add(coordinate(i));
    }
    return names;
  }

  /** The annotation, for one mode. */
  String annotation(String mode) {
    String wrt = array ? "wrt = \"x\"" : "wrt = {" + String.join(", ", coordinates().stream()
        .map(c -> "\"" + c + "\"").toList()) + "}";
    String dim = array && dimGiven ? ", dim = " + dimension : "";
    String rest = wrt + dim + ", mode = Mode." + mode;
    switch (kind) {
      case LAPLACIAN: return "@Laplacian(" + rest + ")";
      case ESTIMATE: return "@Laplacian(" + rest + ", samples = " + directions.length + ")";
      case OPERATOR: return "@LinearPDE(value = \"" + operator.text() + "\", " + rest + ")";
      default: return "@LinearPDE(value = \"" + (operator == null ? "" : operator.text() + " + ") + diffusion.text()
          + "\", " + rest + ")";
    }
  }

  String parameters() {
    StringBuilder out = new StringBuilder();
    if (array) {
      out.append("double[] x");
    } else {
      for (int i = 0; i < dimension; i++) {
        out.append(i > 0 ? ", " : "").append("double x").append(i);
      }
    }
    out.append(", int ").append(BOUND).append(", double[] w, double[][] m");
    return kind == Kind.DIFFUSION ? out + ", double[][] sd, double[] bd" : out.toString();
  }

  /** The generated method a test calls, given the user's method name. */
  String method(String name) {
    switch (kind) {
      case LAPLACIAN: return name + "Evaluate";
      case ESTIMATE: return name + "LaplacianEstimate";
      default: return name + "Operator";
    }
  }

  Class<?>[] userTypes() {
    List<Class<?>> types = new ArrayList<>();
    if (array) {
      types.add(double[].class);
    } else {
      for (int i = 0; i < dimension; i++) {
        types.add(double.class);
      }
    }
    types.add(int.class);
    types.add(double[].class);
    types.add(double[][].class);
    if (kind == Kind.DIFFUSION) {
      types.add(double[][].class);
      types.add(double[].class);
    }
    return types.toArray(Class<?>[]::new);
  }

  Class<?>[] operatorTypes() {
    Class<?>[] user = userTypes();
    if (kind != Kind.ESTIMATE) {
      return user;
    }
    Class<?>[] types = java.util.Arrays.copyOf(user, user.length + 1);
    types[user.length] = double[][].class;
    return types;
  }

  /** The user's method's arguments at a point (fresh copies: nothing is shared between calls). */
  Object[] userArguments(double[] point) {
    List<Object> args = new ArrayList<>();
    if (array) {
      args.add(point.clone());
    } else {
      for (double p : point) {
        args.add(p);
      }
    }
    args.add(RUNTIME_BOUND);
    args.add(WEIGHTS.clone());
    args.add(copy(MATRIX));
    if (kind == Kind.DIFFUSION) {
      args.add(copy(diffusion.sd()));
      args.add(diffusion.bd().clone());
    }
    return args.toArray();
  }

  Object[] operatorArguments(double[] point) {
    Object[] user = userArguments(point);
    if (kind != Kind.ESTIMATE) {
      return user;
    }
    Object[] args = java.util.Arrays.copyOf(user, user.length + 1);
    args[user.length] = copy(directions);
    return args;
  }

  /** The highest derivative order the operator needs from the oracle. */
  int order() {
    int order = 2;
    if (operator != null) {
      for (int[] alpha : operator.alphas()) {
        order = Math.max(order, java.util.Arrays.stream(alpha).sum());
      }
    }
    return order;
  }

  static double[][] gaussianRows(SplittableRandom random, int rows, int columns) {
    double[][] out = new double[rows][columns];
    for (double[] row : out) {
      for (int j = 0; j < columns; j++) {
        row[j] = Math.round(random.nextDouble(-1.5, 1.5) * 8) / 8.0;
      }
    }
    return out;
  }

  private static double[][] matrix() {
    double[][] m = new double[MATRIX_SIZE][MATRIX_SIZE];
    for (int i = 0; i < MATRIX_SIZE; i++) {
      for (int j = 0; j < MATRIX_SIZE; j++) {
        m[i][j] = 0.6 * Math.sin(1.3 * i + 0.7 * j + 0.2);
      }
    }
    return m;
  }

  private static double[][] copy(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }

  static String literal(double value) {
    return value < 0 ? "(" + value + ")" : Double.toString(value);
  }
}
