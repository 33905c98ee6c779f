package dev.collapsar.samples;

import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Prints, for each sample, the generated operator's value next to an independent oracle (a closed
 * form, an exact solution whose residual is 0, or Hipparchus {@code DerivativeStructure}; the row
 * says which), the error (relative, or absolute where the oracle is 0; labelled), and the time per
 * call next to central finite differences. Timings are a rough indication from a short warm loop; the JMH benchmarks are
 * the measurement.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("Collapsar samples: generated operator vs oracle, and time per call\n");
    System.out.printf(Locale.ROOT, "%-34s %22s %22s %-16s %-13s %10s %12s%n",
        "sample", "generated", "oracle", "oracle is", "error", "ns/call", "FD ns/call");
    poisson();
    hydrogen();
    network();
    pdes();
    pinn();
  }

  /**
   * The reference network (50 → 768 → 768 → 512 → 512 → 1) as a Poisson residual: its Laplacian
   * against central differences (Hipparchus at order 2 with 50 variables is far too slow here), the
   * time of one Laplacian next to one primal and to the 101 primals of the stencil, and a parallel
   * batch of residuals with progress.
   */
  private static void pinn() throws InterruptedException {
    PoissonPinn.Network net = PoissonPinn.reference(7);
    double[] x = new double[PoissonPinn.DIM];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i + 1.0) * 0.5;
    }
    double generated = net.laplacian(x);
    double fd = centralLaplacian(net::value, x);
    double laplacianNanos = nanosPerCall(() -> net.laplacian(x), 150, 30);
    double primalNanos = nanosPerCall(() -> net.value(x), 500, 200);
    double difference = Math.abs(generated - fd) / Math.abs(generated);
    System.out.printf(Locale.ROOT, "%n%s%n  generated Δu %.12e, central differences %.12e (relative difference %.1e: "
        + "the two agree to %.1f digits, what differences with h = 1e-4 keep)%n",
        "reference PINN 50→768→768→512→512→1:", generated, fd, difference, -Math.log10(difference));
    System.out.printf(Locale.ROOT, "  Laplacian %.2f ms/call = %.1f × primal (%.2f ms); central differences 101 primals = %.1f ms%n",
        laplacianNanos / 1e6, laplacianNanos / primalNanos, primalNanos / 1e6, 101 * primalNanos / 1e6);
    double anyDimension = net.laplacianAnyDimension(x);
    double anyDimensionNanos = nanosPerCall(() -> net.laplacianAnyDimension(x), 150, 30);
    System.out.printf(Locale.ROOT, "  without dim (D read at run time, 2 passes of 32 directions): Δu %.12e (rel. diff %.1e), "
        + "%.2f ms/call = %.1f × primal%n", anyDimension, Math.abs(anyDimension - generated) / Math.abs(generated),
        anyDimensionNanos / 1e6, anyDimensionNanos / primalNanos);
    double[][] points = new double[4 * Runtime.getRuntime().availableProcessors()][];
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int p = 0; p < points.length; p++) {
      points[p] = random.doubles(PoissonPinn.DIM, -1, 1).toArray();
    }
    long start = System.nanoTime();
    double mse = ResidualBatch.meanSquared(net::residual, points, System.out);
    System.out.printf(Locale.ROOT, "  mean squared residual −Δu − f over %d points: %.6e (%.1f s on %d cores)%n",
        points.length, mse, (System.nanoTime() - start) / 1e9, Runtime.getRuntime().availableProcessors());
  }

  /** The @LinearPDE samples, each against its closed form (finite differences of order 3–4 are not shown). */
  private static void pdes() {
    double t = 0.7;
    double x = 0.4;
    row("heat u_t − ½u_xx (heat kernel)", PdesOperators.heatResidual(t, x), 0.0, EXACT_ZERO,
        () -> PdesOperators.heatResidual(t, x), null, null);
    row("Black–Scholes (power contract)", PdesOperators.blackScholes(0.3, 100, 0.2, 0.03, 1.0), 0.0, EXACT_ZERO,
        () -> PdesOperators.blackScholes(0.3, 100, 0.2, 0.03, 1.0), null, null);
    double[] y = {0.3, -0.6, 0.9};
    double[][] s = {{0.5, 0.1}, {0.0, 0.4}, {0.2, 0.3}};
    double[] b = {-0.7 * y[0], -0.7 * y[1], -0.7 * y[2]};
    row("OU ½diffusion(S) + drift(b) (3D)", PdesOperators.ouGenerator(y, s, b), ouExact(y, s, b), CLOSED_FORM,
        () -> PdesOperators.ouGenerator(y, s, b), null, null);
    row("plate Δ²w (sin πx sin πy)", PdesOperators.plateLoad(0.3, 0.6),
        4 * Math.pow(Math.PI, 4) * Pdes.plate(0.3, 0.6), CLOSED_FORM, () -> PdesOperators.plateLoad(0.3, 0.6), null, null);
    row("linear KdV u_t + u_xxx", PdesOperators.kdvResidual(0.2, 1.1), 0.0, EXACT_ZERO,
        () -> PdesOperators.kdvResidual(0.2, 1.1), null, null);
  }

  /** ½ Σ_r ((s_r·x)² − |s_r|²) u − (b·x) u for u = exp(−|x|²/2). */
  private static double ouExact(double[] x, double[][] s, double[] b) {
    double u = Math.exp(-0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]));
    double diffusion = 0;
    for (int r = 0; r < s[0].length; r++) {
      double sx = 0;
      double ss = 0;
      for (int i = 0; i < 3; i++) {
        sx += s[i][r] * x[i];
        ss += s[i][r] * s[i][r];
      }
      diffusion += sx * sx - ss;
    }
    return (0.5 * diffusion - (b[0] * x[0] + b[1] * x[1] + b[2] * x[2])) * u;
  }

  private static void poisson() {
    double x = 0.3;
    double y = 0.7;
    row("Poisson Δu (2D, manufactured)", PoissonOperators.uLaplacian(x, y), Poisson.rhs(x, y), CLOSED_FORM,
        () -> PoissonOperators.uLaplacian(x, y), p -> Poisson.u(p[0], p[1]), new double[] {x, y});
  }

  private static void hydrogen() {
    double[] r = {0.4, -0.8, 1.1};
    row("hydrogen −½Δψ/ψ (3D)", Hydrogen.localKineticEnergy(r), Hydrogen.exactLocalKineticEnergy(r), CLOSED_FORM,
        () -> Hydrogen.localKineticEnergy(r), null, r);
    row("hydrogen Δψ (3D)", HydrogenOperators.psiLaplacian(r),
        Math.exp(-norm(r)) * (1 - 2 / norm(r)), CLOSED_FORM, () -> HydrogenOperators.psiLaplacian(r), Hydrogen::psi, r);
  }

  private static void network() {
    TanhNetwork.Weights w = TanhNetwork.weights(42);
    double[] p = {0.2, -0.5, 0.9};
    row("tanh network 3→16→16→1 Δu", w.laplacian(p[0], p[1], p[2]), oracleLaplacian(w, p), "Hipparchus DS",
        () -> w.laplacian(p[0], p[1], p[2]), q -> w.value(q[0], q[1], q[2]), p);
  }

  /** The network again, written against Hipparchus's order-2 DerivativeStructure. */
  private static double oracleLaplacian(TanhNetwork.Weights w, double[] p) {
    DSFactory factory = new DSFactory(3, 2);
    DerivativeStructure[] x = new DerivativeStructure[3];
    for (int i = 0; i < 3; i++) {
      x[i] = factory.variable(i, p[i]);
    }
    DerivativeStructure out = factory.constant(w.b3());
    for (int i = 0; i < TanhNetwork.WIDTH; i++) {
      DerivativeStructure s = factory.constant(w.b2()[i]);
      for (int j = 0; j < TanhNetwork.WIDTH; j++) {
        DerivativeStructure pre = x[0].multiply(w.w1()[j][0]).add(x[1].multiply(w.w1()[j][1]))
            .add(x[2].multiply(w.w1()[j][2])).add(w.b1()[j]);
        s = s.add(pre.tanh().multiply(w.w2()[i][j]));
      }
      out = out.add(s.tanh().multiply(w.w3()[i]));
    }
    return out.getPartialDerivative(2, 0, 0) + out.getPartialDerivative(0, 2, 0) + out.getPartialDerivative(0, 0, 2);
  }

  private static final String CLOSED_FORM = "closed form";
  /** A residual of an exact solution: the oracle is 0, and the error is absolute. */
  private static final String EXACT_ZERO = "exact solution";

  private static void row(String name, double generated, double oracle, String oracleName, DoubleSupplier call,
      ToDoubleFunction<double[]> primal, double[] point) {
    // a residual that should vanish has no scale of its own: its error is absolute, and labelled so
    String error = oracle == 0 ? String.format(Locale.ROOT, "%.1e abs.", Math.abs(generated))
        : String.format(Locale.ROOT, "%.1e rel.", Math.abs(generated - oracle) / Math.abs(oracle));
    String fd = primal == null ? "—" : String.format(Locale.ROOT, "%.1f", nanosPerCall(() -> centralLaplacian(primal, point)));
    System.out.printf(Locale.ROOT, "%-34s %22.15e %22.15e %-16s %-13s %10.1f %12s%n",
        name, generated, oracle, oracleName, error, nanosPerCall(call), fd);
  }

  /** The 2D + 1 point central-difference Laplacian with step h = 1e-4 (error ~ h² + ε/h²). */
  static double centralLaplacian(ToDoubleFunction<double[]> f, double[] x) {
    double h = 1e-4;
    double center = f.applyAsDouble(x);
    double sum = 0;
    double[] p = x.clone();
    for (int i = 0; i < x.length; i++) {
      p[i] = x[i] + h;
      double plus = f.applyAsDouble(p);
      p[i] = x[i] - h;
      double minus = f.applyAsDouble(p);
      p[i] = x[i];
      sum += plus - 2 * center + minus;
    }
    return sum / (h * h);
  }

  private static double nanosPerCall(DoubleSupplier call) {
    return nanosPerCall(call, 20_000, 50_000);
  }

  private static double nanosPerCall(DoubleSupplier call, int warmup, int calls) {
    double sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += call.getAsDouble();
    }
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      sink += call.getAsDouble();
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 42.4242) {
      System.out.print("");
    }
    return (double) elapsed / calls;
  }

  private static double norm(double[] r) {
    return Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
  }
}
