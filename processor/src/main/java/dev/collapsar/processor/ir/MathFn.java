package dev.collapsar.processor.ir;

import java.util.Locale;
import java.util.Optional;

/**
 * The functions of {@code java.lang.Math} (and {@code StrictMath}) the processor differentiates. How
 * each is differentiated lives in the {@code taylor} stage; this enum only names them.
 */
public enum MathFn implements Operator {
  SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
  SINH(1), COSH(1), TANH(1),
  EXP(1), EXPM1(1), LOG(1), LOG1P(1), LOG10(1),
  SQRT(1), CBRT(1), POW(2), HYPOT(2),
  ABS(1), SIGNUM(1), MIN(2), MAX(2), FLOOR(1), CEIL(1), RINT(1),
  TO_RADIANS(1), TO_DEGREES(1);

  private final int arity;

  MathFn(int arity) {
    this.arity = arity;
  }

  public int arity() {
    return arity;
  }

  /** The method name in {@code java.lang.Math}, e.g. {@code toRadians}. */
  public String javaName() {
    String lower = name().toLowerCase(Locale.ROOT);
    int underscore = lower.indexOf('_');
    if (underscore < 0) {
      return lower;
    }
    return lower.substring(0, underscore)
        + Character.toUpperCase(lower.charAt(underscore + 1))
        + lower.substring(underscore + 2);
  }

  /** The function with this {@code Math} method name and arity, if supported. */
  public static Optional<MathFn> byJavaName(String name, int arity) {
    for (MathFn fn : values()) {
      if (fn.javaName().equals(name) && fn.arity == arity) {
        return Optional.of(fn);
      }
    }
    return Optional.empty();
  }
}
