package dev.collapsar.samples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Evaluates a residual at many collocation points on all cores and returns the mean squared
 * residual. The generated operators are thread-safe (no shared mutable state), so points are simply
 * divided among threads. When a batch runs longer than a second, progress is printed once a second.
 */
public final class ResidualBatch {
  private ResidualBatch() {}

  /**
   * @param residual the residual at one point (called concurrently)
   * @param points the collocation points
   * @param progress where to print progress, or null for none
   * @return the mean of residual² over the points
   */
  public static double meanSquared(ToDoubleFunction<double[]> residual, double[][] points, PrintStream progress)
      throws InterruptedException {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    double[] squares = new double[points.length];
    try {
      Future<?>[] tasks = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        int first = t;
        tasks[t] = pool.submit(() -> {
          for (int p = first; p < points.length; p += threads) {
            double r = residual.applyAsDouble(points[p]);
            squares[p] = r * r;
            done.incrementAndGet();
          }
        });
      }
      await(tasks, done, points.length, progress);
    } finally {
      pool.shutdownNow();
    }
    double sum = 0;
    for (double s : squares) {
      sum += s;
    }
    return sum / points.length;
  }

  private static void await(Future<?>[] tasks, AtomicInteger done, int total, PrintStream progress)
      throws InterruptedException {
    long start = System.nanoTime();
    long nextReport = start + 1_000_000_000L;
    for (Future<?> task : tasks) {
      while (!task.isDone()) {
        Thread.sleep(20);
        long now = System.nanoTime();
        if (progress != null && now >= nextReport) {
          progress.printf(Locale.ROOT, "  %d / %d points (%.0f%%), %.1f s%n", done.get(), total,
              100.0 * done.get() / total, (now - start) / 1e9);
          nextReport += 1_000_000_000L;
        }
      }
      try {
        task.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a residual evaluation failed", e.getCause());
      }
    }
  }
}
