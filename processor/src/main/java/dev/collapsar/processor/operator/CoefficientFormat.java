package dev.collapsar.processor.operator;

import dev.collapsar.processor.operator.Coefficient.Constant;
import dev.collapsar.processor.operator.Coefficient.ElementRef;
import dev.collapsar.processor.operator.Coefficient.Negation;
import dev.collapsar.processor.operator.Coefficient.ParameterRef;
import dev.collapsar.processor.operator.Coefficient.Product;
import dev.collapsar.processor.operator.Coefficient.Quotient;
import dev.collapsar.processor.operator.Coefficient.Sum;
import java.util.Map;
import java.util.Set;
import org.hipparchus.fraction.BigFraction;

/** Printing, evaluating and walking {@link Coefficient}s; kept apart so the interface stays a list of cases. */
final class CoefficientFormat {
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int ATOM = 4;

  private CoefficientFormat() {}

  /** Infix text with exact fractions, e.g. {@code 1/2*s*s*sigma*sigma}; canonical for simplified input. */
  static String infix(Coefficient c) {
    return infix(c, 0);
  }

  private static String infix(Coefficient c, int context) {
    String text;
    int precedence;
    if (c instanceof Constant k) {
      text = fraction(k.value());
      precedence = k.value().signum() < 0 ? UNARY : k.value().isInteger() ? ATOM : PRODUCT;
    } else if (c instanceof ParameterRef p) {
      text = p.name();
      precedence = ATOM;
    } else if (c instanceof ElementRef e) {
      text = e.display();
      precedence = ATOM;
    } else if (c instanceof Negation n) {
      text = "-" + infix(n.operand(), UNARY);
      precedence = UNARY;
    } else if (c instanceof Product p) {
      text = product(p);
      precedence = text.startsWith("-") ? UNARY : PRODUCT;
    } else if (c instanceof Quotient q) {
      text = infix(q.numerator(), PRODUCT) + "/" + infix(q.denominator(), UNARY);
      precedence = PRODUCT;
    } else {
      text = sum((Sum) c);
      precedence = SUM;
    }
    return precedence < context ? "(" + text + ")" : text;
  }

  private static String product(Product p) {
    StringBuilder text = new StringBuilder();
    int start = 0;
    if (p.factors().get(0) instanceof Constant k && k.value().equals(BigFraction.MINUS_ONE)) {
      text.append('-');
      start = 1;
    }
    for (int i = start; i < p.factors().size(); i++) {
      if (i > start) {
        text.append('*');
      }
      text.append(infix(p.factors().get(i), i == 0 ? PRODUCT : UNARY));
    }
    return text.toString();
  }

  private static String sum(Sum s) {
    StringBuilder text = new StringBuilder(infix(s.terms().get(0), SUM));
    for (Coefficient term : s.terms().subList(1, s.terms().size())) {
      String t = infix(term, SUM);
      text.append(t.startsWith("-") ? " - " + t.substring(1) : " + " + t);
    }
    return text.toString();
  }

  private static String fraction(BigFraction f) {
    return f.isInteger() ? f.getNumerator().toString() : f.getNumerator() + "/" + f.getDenominator();
  }

  static void collectReferences(Coefficient c, Set<String> names) {
    if (c instanceof ParameterRef p) {
      names.add(p.name());
    } else if (c instanceof ElementRef e) {
      names.add(e.display());
    } else if (c instanceof Negation n) {
      collectReferences(n.operand(), names);
    } else if (c instanceof Product p) {
      p.factors().forEach(f -> collectReferences(f, names));
    } else if (c instanceof Quotient q) {
      collectReferences(q.numerator(), names);
      collectReferences(q.denominator(), names);
    } else if (c instanceof Sum s) {
      s.terms().forEach(t -> collectReferences(t, names));
    }
  }

  static double evaluate(Coefficient c, Map<String, Double> values) {
    if (c instanceof Constant k) {
      return k.value().doubleValue();
    }
    if (c instanceof ParameterRef p) {
      return lookup(values, p.name());
    }
    if (c instanceof ElementRef e) {
      return lookup(values, e.display());
    }
    if (c instanceof Negation n) {
      return -evaluate(n.operand(), values);
    }
    if (c instanceof Product p) {
      return p.factors().stream().mapToDouble(f -> evaluate(f, values)).reduce(1, (a, b) -> a * b);
    }
    if (c instanceof Quotient q) {
      return evaluate(q.numerator(), values) / evaluate(q.denominator(), values);
    }
    return ((Sum) c).terms().stream().mapToDouble(t -> evaluate(t, values)).sum();
  }

  private static double lookup(Map<String, Double> values, String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no value for " + name);
    }
    return v;
  }
}
