package dev.collapsar.processor.operator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hipparchus.fraction.BigFraction;

/**
 * A coefficient of the operator: an expression in numbers and parameters, evaluated at the point
 * and never differentiated. Constants are exact fractions, so that a plan's weights (products of
 * user coefficients and interpolation constants such as 13/192) lose nothing at compile time; the
 * emitter rounds each to the nearest double once.
 *
 * <p>Records compare by value, so structurally equal coefficients are equal; {@link #simplify()}
 * brings them to a normal form in which like terms have been combined.
 */
public sealed interface Coefficient {

  Coefficient ZERO = new Constant(BigFraction.ZERO);
  Coefficient ONE = new Constant(BigFraction.ONE);

  /** An exact number. */
  record Constant(BigFraction value) implements Coefficient {
    public Constant {
      Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
      return CoefficientFormat.infix(this);
    }
  }

  /** A numeric parameter ({@code double}, {@code int} or {@code long}), read at the point. */
  record ParameterRef(String name) implements Coefficient {
    @Override
    public String toString() {
      return CoefficientFormat.infix(this);
    }
  }

  /** An element of a {@code double[]} parameter, {@code x[2]}, read at the point. */
  record ElementRef(String array, int index) implements Coefficient {
    /** As written, and as the key {@link #evaluate} looks up: {@code x[2]}. */
    public String display() {
      return array + "[" + index + "]";
    }

    @Override
    public String toString() {
      return CoefficientFormat.infix(this);
    }
  }

  /** A product of two or more factors. */
  record Product(List<Coefficient> factors) implements Coefficient {
    public Product {
      factors = List.copyOf(factors);
      if (factors.isEmpty()) {
        throw new IllegalArgumentException("a product needs a factor");
      }
    }

    @Override
    public String toString() {
      return CoefficientFormat.infix(this);
    }
  }

  /** A quotient. */
  record Quotient(Coefficient numerator, Coefficient denominator) implements Coefficient {
    @Override
    public String toString() {
      return CoefficientFormat.infix(this);
    }
  }

  /** Unary minus. */
  record Negation(Coefficient operand) implements Coefficient {
    @Override
    public String toString() {
      return CoefficientFormat.infix(this);
    }
  }

  /** A sum of two or more terms. */
  record Sum(List<Coefficient> terms) implements Coefficient {
    public Sum {
      terms = List.copyOf(terms);
      if (terms.isEmpty()) {
        throw new IllegalArgumentException("a sum needs a term");
      }
    }

    @Override
    public String toString() {
      return CoefficientFormat.infix(this);
    }
  }

  // ---- construction

  static Coefficient of(long value) {
    return new Constant(BigFraction.ONE.multiply(value));
  }

  static Coefficient of(BigFraction value) {
    return new Constant(value);
  }

  /** {@code this * other}, simplified. */
  default Coefficient times(Coefficient other) {
    return new Product(List.of(this, other)).simplify();
  }

  /** {@code this * factor}, simplified. */
  default Coefficient times(BigFraction factor) {
    return times(new Constant(factor));
  }

  /** {@code this + other}, simplified. */
  default Coefficient plus(Coefficient other) {
    return new Sum(List.of(this, other)).simplify();
  }

  /** {@code -this}, simplified. */
  default Coefficient negate() {
    return new Negation(this).simplify();
  }

  // ---- inspection

  /** The normal form: constants folded exactly, products and sums flattened, like terms combined. */
  default Coefficient simplify() {
    return CoefficientSimplifier.simplify(this);
  }

  /** Whether the value is known at compile time (after simplification). */
  default boolean isConstant() {
    return simplify() instanceof Constant;
  }

  /** The exact value; throws if the coefficient depends on a parameter. */
  default BigFraction constantValue() {
    if (simplify() instanceof Constant c) {
      return c.value();
    }
    throw new IllegalStateException("not a constant: " + this);
  }

  /** Whether this is the constant zero (after simplification). */
  default boolean isZero() {
    return simplify() instanceof Constant c && c.value().signum() == 0;
  }

  /** The names read: parameters by name, elements as {@code x[2]}; sorted. */
  default Set<String> references() {
    Set<String> names = new TreeSet<>();
    CoefficientFormat.collectReferences(this, names);
    return names;
  }

  /**
   * The value in double arithmetic, parameters looked up by name and elements as {@code x[2]}; for
   * tests and for checking plans numerically.
   */
  default double evaluate(Map<String, Double> values) {
    return CoefficientFormat.evaluate(this, values);
  }
}
