package dev.collapsar.benchmarks.vector;

import dev.collapsar.benchmarks.GemmPeakBenchmark;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * This core's multiply-add peak for Java on {@code jdk.incubator.vector}, the ceiling of
 * {@code -Acollapsar.vector=true}: Z = W·J for a 768 × 768 layer W and {@code lanes} columns of J, as a
 * register-blocked micro-kernel (four rows of Z by four vectors of the preferred species, the
 * accumulators kept in registers over the whole reduction), the shape the generated sweeps take. On
 * AVX-512 it exceeds OpenBLAS's dgemm, whose kernel for this CPU uses 256-bit registers (PyTorch
 * reports "CPU capability usage: AVX2"): measured 82–88 GFLOP/s at 32 lanes against 49.6 for dgemm.
 * GFLOP/s = 2·768·768·lanes / (ms per call) / 10⁶. Built only with {@code -Dcollapsar.vector=true};
 * JMH forks need {@code -jvmArgsAppend --add-modules=jdk.incubator.vector}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class VectorPeakBenchmark {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  static final int UNITS = 768;
  static final int INPUTS = 768;

  /** Columns of J: a multiple of four vectors (32 on AVX-512), and the 64 of a wider jet. */
  @Param({"32", "64"})
  public int lanes;

  private double[][] w;
  private double[][] j;
  private double[][] z;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(49);
    w = GemmPeakBenchmark.gaussian(random, UNITS, INPUTS);
    j = GemmPeakBenchmark.gaussian(random, INPUTS, lanes);
    z = new double[UNITS][lanes];
  }

  /** Z = W·J, four rows by four vectors per block, the reduction inside. */
  @Benchmark
  public double[][] block4x4() {
    int step = 4 * SPECIES.length();
    for (int i = 0; i + 3 < UNITS; i += 4) {
      for (int d = 0; d + step <= lanes; d += step) {
        block(i, d);
      }
    }
    return z;
  }

  private void block(int i, int d) {
    int n = SPECIES.length();
    double[] w0 = w[i];
    double[] w1 = w[i + 1];
    double[] w2 = w[i + 2];
    double[] w3 = w[i + 3];
    DoubleVector a00 = DoubleVector.zero(SPECIES), a01 = a00, a02 = a00, a03 = a00;
    DoubleVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
    DoubleVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
    DoubleVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
    for (int k = 0; k < INPUTS; k++) {
      double[] row = j[k];
      DoubleVector v0 = DoubleVector.fromArray(SPECIES, row, d);
      DoubleVector v1 = DoubleVector.fromArray(SPECIES, row, d + n);
      DoubleVector v2 = DoubleVector.fromArray(SPECIES, row, d + 2 * n);
      DoubleVector v3 = DoubleVector.fromArray(SPECIES, row, d + 3 * n);
      DoubleVector b = DoubleVector.broadcast(SPECIES, w0[k]);
      a00 = v0.fma(b, a00);
      a01 = v1.fma(b, a01);
      a02 = v2.fma(b, a02);
      a03 = v3.fma(b, a03);
      b = DoubleVector.broadcast(SPECIES, w1[k]);
      a10 = v0.fma(b, a10);
      a11 = v1.fma(b, a11);
      a12 = v2.fma(b, a12);
      a13 = v3.fma(b, a13);
      b = DoubleVector.broadcast(SPECIES, w2[k]);
      a20 = v0.fma(b, a20);
      a21 = v1.fma(b, a21);
      a22 = v2.fma(b, a22);
      a23 = v3.fma(b, a23);
      b = DoubleVector.broadcast(SPECIES, w3[k]);
      a30 = v0.fma(b, a30);
      a31 = v1.fma(b, a31);
      a32 = v2.fma(b, a32);
      a33 = v3.fma(b, a33);
    }
    store(z[i], d, n, a00, a01, a02, a03);
    store(z[i + 1], d, n, a10, a11, a12, a13);
    store(z[i + 2], d, n, a20, a21, a22, a23);
    store(z[i + 3], d, n, a30, a31, a32, a33);
  }

  private static void store(double[] row, int d, int n, DoubleVector a, DoubleVector b, DoubleVector c,
      DoubleVector e) {
    a.intoArray(row, d);
    b.intoArray(row, d + n);
    c.intoArray(row, d + 2 * n);
    e.intoArray(row, d + 3 * n);
  }
}
