package dev.collapsar.processor.operator;

import dev.collapsar.processor.operator.Coefficient.Constant;
import dev.collapsar.processor.operator.Coefficient.ElementRef;
import dev.collapsar.processor.operator.Coefficient.Negation;
import dev.collapsar.processor.operator.Coefficient.ParameterRef;
import dev.collapsar.processor.operator.Coefficient.Product;
import dev.collapsar.processor.operator.Coefficient.Quotient;
import dev.collapsar.processor.operator.Coefficient.Sum;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;

/**
 * Brings a {@link Coefficient} to normal form, exactly:
 * <ul>
 *   <li>constants are folded ({@code 0.5*2} is 1; {@code x*0} is 0);</li>
 *   <li>a product is one constant factor (omitted when 1) followed by its other factors in a fixed
 *       order, so that {@code s*sigma} and {@code sigma*s} are equal; nested products are flattened;</li>
 *   <li>a negation is a product with the constant −1;</li>
 *   <li>a quotient has a non-constant denominator without constant factor ({@code x/2} is
 *       {@code 1/2*x});</li>
 *   <li>a sum is flattened and like terms are combined ({@code a - a} is 0), constant term last.</li>
 * </ul>
 * Products are not expanded over sums and nothing is cancelled across a quotient: this is folding
 * for smaller plans, not a computer algebra system.
 */
final class CoefficientSimplifier {
  /** The order of non-constant factors within a product: by their printed form, which is canonical. */
  private static final Comparator<Coefficient> FACTOR_ORDER = Comparator.comparing(CoefficientFormat::infix);

  private CoefficientSimplifier() {}

  static Coefficient simplify(Coefficient c) {
    if (c instanceof Constant || c instanceof ParameterRef || c instanceof ElementRef) {
      return c;
    }
    if (c instanceof Negation n) {
      return scaled(BigFraction.MINUS_ONE, simplify(n.operand()));
    }
    if (c instanceof Product p) {
      return product(p.factors());
    }
    if (c instanceof Quotient q) {
      return quotient(simplify(q.numerator()), simplify(q.denominator()));
    }
    return sum(((Sum) c).terms());
  }

  private static Coefficient product(List<Coefficient> factors) {
    BigFraction constant = BigFraction.ONE;
    List<Coefficient> others = new ArrayList<>();
    for (Coefficient f : factors) {
      Scaled s = split(simplify(f));
      constant = constant.multiply(s.factor);
      if (s.rest != null) {
        others.addAll(s.rest instanceof Product p ? p.factors() : List.of(s.rest));
      }
    }
    others.sort(FACTOR_ORDER);
    return build(constant, others);
  }

  private static Coefficient quotient(Coefficient numerator, Coefficient denominator) {
    Scaled top = split(numerator);
    Scaled bottom = split(denominator);
    if (bottom.factor.signum() == 0) {
      return new Quotient(numerator, denominator); // left for the resolver to report; never folded
    }
    BigFraction constant = top.factor.divide(bottom.factor);
    if (bottom.rest == null || constant.signum() == 0) {
      return top.rest == null ? new Constant(constant) : scaled(constant, top.rest);
    }
    Coefficient q = new Quotient(top.rest == null ? Coefficient.ONE : top.rest, bottom.rest);
    return build(constant, List.of(q));
  }

  private static Coefficient sum(List<Coefficient> terms) {
    Map<Coefficient, BigFraction> byRest = new LinkedHashMap<>();
    BigFraction constant = BigFraction.ZERO;
    for (Coefficient t : flattenSum(terms)) {
      Scaled s = split(t);
      if (s.rest == null) {
        constant = constant.add(s.factor);
      } else {
        byRest.merge(s.rest, s.factor, BigFraction::add);
      }
    }
    List<Coefficient> result = new ArrayList<>();
    byRest.forEach((rest, factor) -> {
      if (factor.signum() != 0) {
        result.add(scaled(factor, rest));
      }
    });
    if (constant.signum() != 0 || result.isEmpty()) {
      result.add(new Constant(constant));
    }
    return result.size() == 1 ? result.get(0) : new Sum(result);
  }

  private static List<Coefficient> flattenSum(List<Coefficient> terms) {
    List<Coefficient> flat = new ArrayList<>();
    for (Coefficient t : terms) {
      Coefficient s = simplify(t);
      flat.addAll(s instanceof Sum sum ? sum.terms() : List.of(s));
    }
    return flat;
  }

  /** {@code factor * c} for a simplified {@code c}. */
  private static Coefficient scaled(BigFraction factor, Coefficient c) {
    if (c instanceof Sum s) {
      if (factor.equals(BigFraction.ONE)) {
        return s;
      }
      return factor.signum() == 0 ? Coefficient.ZERO : build(factor, List.of(s));
    }
    Scaled parts = split(c);
    BigFraction constant = factor.multiply(parts.factor);
    List<Coefficient> others = parts.rest == null ? List.of()
        : parts.rest instanceof Product p ? p.factors() : List.of(parts.rest);
    return build(constant, others);
  }

  private static Coefficient build(BigFraction constant, List<Coefficient> others) {
    if (constant.signum() == 0 || others.isEmpty()) {
      return new Constant(constant.signum() == 0 ? BigFraction.ZERO : constant);
    }
    if (constant.equals(BigFraction.ONE)) {
      return others.size() == 1 ? others.get(0) : new Product(others);
    }
    List<Coefficient> factors = new ArrayList<>();
    factors.add(new Constant(constant));
    factors.addAll(others);
    return new Product(factors);
  }

  /** A simplified coefficient as constant factor times the rest (null when it is a constant). */
  private static Scaled split(Coefficient c) {
    if (c instanceof Constant k) {
      return new Scaled(k.value(), null);
    }
    if (c instanceof Product p && p.factors().get(0) instanceof Constant k) {
      List<Coefficient> rest = p.factors().subList(1, p.factors().size());
      return new Scaled(k.value(), rest.size() == 1 ? rest.get(0) : new Product(rest));
    }
    return new Scaled(BigFraction.ONE, c);
  }

  private record Scaled(BigFraction factor, Coefficient rest) {}
}
