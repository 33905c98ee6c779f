package dev.collapsar.processor.ir;

/**
 * How the per-direction statements of a jet are written, and so how a local array stores its
 * coefficients ({@code -Acollapsar.lanes}). Unrolled, R directions are R scalar statements: up to
 * about 16 their accumulators live in registers, which no loop beats. Rolled, they are one loop over
 * the direction index; C2 vectorizes such a loop only when every array it touches is indexed by the
 * loop index itself, so rolled code keeps a local array's coefficients as rows (element i's R
 * directions in {@code c[i][0..R)}) rather than flat ({@code c[i·R + d]}).
 */
public enum LaneStyle {
  /** Loops with rows where the widest jet group has at least {@link #AUTO_FROM} directions. */
  AUTO,
  /** Straight-line code, flat coefficient arrays (loops only where a body cannot fit a method). */
  UNROLLED,
  /** Loops and rows wherever a group has at least {@link #MIN_LANES} directions. */
  LOOPS;

  /** Runs of fewer per-direction statements stay straight-line code. */
  public static final int MIN_LANES = 8;

  /**
   * Where {@link #AUTO} starts rolling. Measured on the reference network (Drift, JDK 17, rolled
   * bodies with jammed layer sweeps): the Laplacian estimator with 16 directions takes 2.96 ms rolled
   * and 4.06 ms unrolled (standard mode 4.99 and 8.11 ms), the biharmonic's 25 directions 30.4 and
   * 35.4 ms; with 8 directions rolled and unrolled are alike in collapsed mode (2.29 and 2.36 ms) and
   * unrolled is faster in standard mode (3.90 and 4.78 ms). Before the sweeps were jammed, 16
   * directions unrolled were 1.3× faster than rolled, and this was 32.
   */
  public static final int AUTO_FROM = 16;

  /** Whether a program whose widest jet group has {@code widest} directions is written with loops. */
  public boolean rolls(int widest) {
    switch (this) {
      case LOOPS: return widest >= MIN_LANES;
      case AUTO: return widest >= AUTO_FROM;
      default: return false;
    }
  }
}
