package dev.collapsar.processor.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.operator.Coefficient.Constant;
import dev.collapsar.processor.operator.Coefficient.ParameterRef;
import dev.collapsar.processor.operator.Coefficient.Product;
import dev.collapsar.processor.operator.Coefficient.Quotient;
import dev.collapsar.processor.operator.Coefficient.Sum;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Exact folding, normal forms and evaluation of coefficients. */
class CoefficientTest {
  private static final Coefficient A = new ParameterRef("a");
  private static final Coefficient B = new ParameterRef("b");

  private static Coefficient c(long numerator, long denominator) {
    return new Constant(new BigFraction(numerator, denominator));
  }

  @Test
  void constantsFoldExactly() {
    Coefficient half = Operators.resolve("0.1*u", RandomOperator.signatureOf("x")).value().terms().values().iterator().next();
    assertEquals(new BigFraction(1, 10), half.constantValue());
    assertEquals(Coefficient.ONE, new Product(List.of(c(1, 2), c(2, 1))).simplify());
    assertEquals(Coefficient.ZERO, new Product(List.of(A, c(0, 1), B)).simplify());
    assertEquals(c(5, 6), new Sum(List.of(c(1, 2), c(1, 3))).simplify());
    assertEquals(c(3, 4), new Quotient(c(3, 2), c(2, 1)).simplify());
  }

  @Test
  void likeTermsCombineAndCancel() {
    assertTrue(A.plus(A.negate()).isZero());
    assertEquals(A.times(c(2, 1)), A.plus(A));
    assertEquals(A.times(B), B.times(A));
    assertEquals(A, A.negate().negate());
    assertEquals(A.times(B).times(c(3, 1)), new Sum(List.of(A.times(B), B.times(A).times(c(2, 1)))).simplify());
  }

  @Test
  void quotientsPullOutConstants() {
    assertEquals(A.times(c(1, 2)), new Quotient(A, c(2, 1)).simplify());
    Coefficient q = new Quotient(A.times(c(3, 1)), B.times(c(6, 1))).simplify();
    assertEquals(new Product(List.of(c(1, 2), new Quotient(A, B))), q);
    assertFalse(q.isConstant());
    assertThrows(IllegalStateException.class, q::constantValue);
  }

  @Test
  void printsCanonicalInfix() {
    Coefficient blackScholes = Operators.resolve("0.5*sigma*sigma*s*s*D[s,s]", RandomOperator.signatureOf("s", "sigma"))
        .value().terms().values().iterator().next();
    assertEquals("1/2*s*s*sigma*sigma", blackScholes.toString());
    assertEquals("-a", A.negate().toString());
    assertEquals("a - b", A.plus(B.negate()).toString());
    assertEquals("2*(a + b)", new Product(List.of(c(2, 1), new Sum(List.of(A, B)))).simplify().toString());
    assertEquals("-1/3*x[2]", new Coefficient.ElementRef("x", 2).times(c(-1, 3)).toString());
  }

  @Test
  void evaluatesAndListsReferences() {
    Coefficient e = new Sum(List.of(new Quotient(A, B), new Coefficient.ElementRef("x", 1), c(1, 4)));
    assertEquals(2.0 / 8 + 5 + 0.25, e.evaluate(Map.of("a", 2.0, "b", 8.0, "x[1]", 5.0)), 0);
    assertEquals(Set.of("a", "b", "x[1]"), e.references());
    assertThrows(IllegalArgumentException.class, () -> A.evaluate(Map.of()));
  }

  @Test
  void simplifiedValueEqualsOriginal() {
    Coefficient raw = new Sum(List.of(new Product(List.of(A, new Coefficient.Negation(B), c(3, 2))),
        new Quotient(new Sum(List.of(A, c(1, 1))), new Product(List.of(c(2, 1), B))), new Coefficient.Negation(c(1, 5))));
    Map<String, Double> values = Map.of("a", 0.7, "b", -1.3);
    assertEquals(raw.evaluate(values), raw.simplify().evaluate(values), 1e-15);
  }
}
