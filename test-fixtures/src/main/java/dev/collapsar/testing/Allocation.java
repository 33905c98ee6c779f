package dev.collapsar.testing;

import java.lang.management.ManagementFactory;

/** The bytes this thread allocates while running some code: for "a warm call allocates nothing". */
public final class Allocation {
  private Allocation() {}

  /** Code under measurement; may throw (reflective calls of generated methods). */
  @FunctionalInterface
  public interface Code {
    void run() throws Exception;
  }

  /** Runs {@code code} and returns the bytes the current thread allocated meanwhile. */
  public static long bytes(Code code) throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    code.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
