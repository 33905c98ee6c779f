package dev.collapsar.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * This core's practical multiply-add peak for C2-compiled Java, in the same JVM as the operators: the
 * jet sweep of one dense layer of the reference network, Z = W·J with W 768 × 768 and J 768 × 52 (the
 * 50 directions plus value and Laplacian), 2·768·768·52 = 61.3 MFLOP, in the fastest loop shape found
 * so far, which depends on the JDK: four units and four reduction steps jammed with {@code Math.fma}
 * ({@link #jam4x4Fma}, accumulator rows loaded and stored once per four multiply-adds) is the fastest
 * on JDK 25 and slow on JDK 17, whose C2 does not vectorize it; four units and two steps
 * ({@link #jam4x2Fma}, the shape {@code -Acollapsar.fma=true} generates) is fast on both. The peak is
 * the faster of the two in the run ({@code shared/probes/GemmProbe.java} compares more shapes).
 * GFLOP/s = 61.3 / (ms per call); an operator's GFLOP/s over this is its fraction of the peak.
 * OpenBLAS's dgemm reaches about 49 GFLOP/s on one core of this machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmPeakBenchmark {
  static final int UNITS = 768;
  static final int INPUTS = 768;
  static final int LANES = 52;
  /** Floating-point operations per call: one multiply and one add per (unit, input, lane). */
  public static final double FLOP = 2.0 * UNITS * INPUTS * LANES;

  private double[][] w;
  private double[][] j;
  private double[][] z;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(49);
    w = gaussian(random, UNITS, INPUTS);
    j = gaussian(random, INPUTS, LANES);
    z = new double[UNITS][LANES];
  }

  /** A rows × columns matrix of standard normal entries (the probes' weights and jets). */
  public static double[][] gaussian(SplittableRandom random, int rows, int columns) {
    double[][] matrix = new double[rows][columns];
    for (double[] row : matrix) {
      for (int k = 0; k < columns; k++) {
        row[k] = random.nextGaussian();
      }
    }
    return matrix;
  }

  /** Z = W·J, four units by four inputs per step of the lane loop. */
  @Benchmark
  public double[][] jam4x4Fma() {
    for (int i = 0; i + 3 < UNITS; i += 4) {
      double[] z0 = zeroed(i);
      double[] z1 = zeroed(i + 1);
      double[] z2 = zeroed(i + 2);
      double[] z3 = zeroed(i + 3);
      double[] w0 = w[i];
      double[] w1 = w[i + 1];
      double[] w2 = w[i + 2];
      double[] w3 = w[i + 3];
      for (int k = 0; k + 3 < INPUTS; k += 4) {
        double[] j0 = j[k];
        double[] j1 = j[k + 1];
        double[] j2 = j[k + 2];
        double[] j3 = j[k + 3];
        double a00 = w0[k], a01 = w0[k + 1], a02 = w0[k + 2], a03 = w0[k + 3];
        double a10 = w1[k], a11 = w1[k + 1], a12 = w1[k + 2], a13 = w1[k + 3];
        double a20 = w2[k], a21 = w2[k + 1], a22 = w2[k + 2], a23 = w2[k + 3];
        double a30 = w3[k], a31 = w3[k + 1], a32 = w3[k + 2], a33 = w3[k + 3];
        for (int d = 0; d < LANES; d++) {
          double v0 = j0[d];
          double v1 = j1[d];
          double v2 = j2[d];
          double v3 = j3[d];
          z0[d] = Math.fma(a03, v3, Math.fma(a02, v2, Math.fma(a01, v1, Math.fma(a00, v0, z0[d]))));
          z1[d] = Math.fma(a13, v3, Math.fma(a12, v2, Math.fma(a11, v1, Math.fma(a10, v0, z1[d]))));
          z2[d] = Math.fma(a23, v3, Math.fma(a22, v2, Math.fma(a21, v1, Math.fma(a20, v0, z2[d]))));
          z3[d] = Math.fma(a33, v3, Math.fma(a32, v2, Math.fma(a31, v1, Math.fma(a30, v0, z3[d]))));
        }
      }
    }
    return z;
  }

  /** Z = W·J, four units by two inputs per step of the lane loop. */
  @Benchmark
  public double[][] jam4x2Fma() {
    for (int i = 0; i + 3 < UNITS; i += 4) {
      double[] z0 = zeroed(i);
      double[] z1 = zeroed(i + 1);
      double[] z2 = zeroed(i + 2);
      double[] z3 = zeroed(i + 3);
      double[] w0 = w[i];
      double[] w1 = w[i + 1];
      double[] w2 = w[i + 2];
      double[] w3 = w[i + 3];
      for (int k = 0; k + 1 < INPUTS; k += 2) {
        double[] j0 = j[k];
        double[] j1 = j[k + 1];
        double a00 = w0[k], a01 = w0[k + 1];
        double a10 = w1[k], a11 = w1[k + 1];
        double a20 = w2[k], a21 = w2[k + 1];
        double a30 = w3[k], a31 = w3[k + 1];
        for (int d = 0; d < LANES; d++) {
          double v0 = j0[d];
          double v1 = j1[d];
          z0[d] = Math.fma(a01, v1, Math.fma(a00, v0, z0[d]));
          z1[d] = Math.fma(a11, v1, Math.fma(a10, v0, z1[d]));
          z2[d] = Math.fma(a21, v1, Math.fma(a20, v0, z2[d]));
          z3[d] = Math.fma(a31, v1, Math.fma(a30, v0, z3[d]));
        }
      }
    }
    return z;
  }

  /** Row i of Z, set to zero (each call computes Z afresh). */
  private double[] zeroed(int i) {
    java.util.Arrays.fill(z[i], 0);
    return z[i];
  }
}
