package dev.collapsar.processor.operator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;

/** Exact values of the operator language's numeric literals: {@code 0.1} is 1/10, not the double nearest it. */
final class NumericLiterals {
  /** Beyond 10^±400 a literal cannot be a finite, nonzero double; refuse it before building huge integers. */
  private static final int MAX_DECIMAL_EXPONENT = 400;

  private NumericLiterals() {}

  /** The value of a literal the lexer accepted; empty when it is out of the range of {@code double}. */
  static Optional<BigFraction> value(String text) {
    BigDecimal decimal = new BigDecimal(text);
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (decimal.signum() != 0 && Math.abs(exponent) > MAX_DECIMAL_EXPONENT) {
      return Optional.empty();
    }
    BigInteger unscaled = decimal.unscaledValue();
    BigFraction value = decimal.scale() >= 0
        ? new BigFraction(unscaled, BigInteger.TEN.pow(decimal.scale()))
        : new BigFraction(unscaled.multiply(BigInteger.TEN.pow(-decimal.scale())));
    double asDouble = value.doubleValue();
    if (Double.isInfinite(asDouble) || (asDouble == 0 && value.signum() != 0)) {
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
