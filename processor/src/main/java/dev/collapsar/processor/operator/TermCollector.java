package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.diag.OperatorMessages;
import dev.collapsar.processor.operator.OperatorSyntax.Binary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a linear syntax tree into atom → coefficient, distributing coefficients over parenthesised
 * sums ({@code c*(D[x,x] + u)} is {@code c*D[x,x] + c*u}) and combining equal atoms
 * ({@code D[x,y] + D[y,x]} is {@code 2*D[x,y]}). Terms whose coefficients cancel to zero are dropped.
 * Runs on trees whose names have been checked.
 */
final class TermCollector {
  private final List<Coordinate> coordinates;
  private final Map<Atom, Coefficient> terms = new LinkedHashMap<>();
  private final List<OperatorError> errors = new ArrayList<>();

  private TermCollector(List<Coordinate> coordinates) {
    this.coordinates = coordinates;
  }

  static OperatorResult<Map<Atom, Coefficient>> collect(OperatorSyntax tree, List<Coordinate> coordinates) {
    TermCollector collector = new TermCollector(coordinates);
    collector.operator(tree, Coefficient.ONE);
    if (!collector.errors.isEmpty()) {
      return OperatorResult.failed(collector.errors);
    }
    Map<Atom, Coefficient> nonZero = new LinkedHashMap<>();
    collector.terms.forEach((atom, c) -> {
      if (!c.isZero()) {
        nonZero.put(atom, c);
      }
    });
    return OperatorResult.of(nonZero);
  }

  /** Adds {@code factor * node} to the terms; {@code node} is an operator (see {@link LinearityCheck}). */
  private void operator(OperatorSyntax node, Coefficient factor) {
    if (node instanceof Binary b) {
      switch (b.operator()) {
        case PLUS -> {
          operator(b.left(), factor);
          operator(b.right(), factor);
        }
        case MINUS -> {
          operator(b.left(), factor);
          operator(b.right(), factor.negate());
        }
        case TIMES -> {
          boolean leftIsOperator = LinearityCheck.isOperator(b.left());
          OperatorSyntax scalar = leftIsOperator ? b.right() : b.left();
          operator(leftIsOperator ? b.left() : b.right(), factor.times(coefficient(scalar)));
        }
        case DIVIDE -> operator(b.left(), new Coefficient.Quotient(factor, divisor(b.right())).simplify());
        default -> throw new AssertionError(b.operator());
      }
    } else if (node instanceof OperatorSyntax.Negation n) {
      operator(n.operand(), factor.negate());
    } else {
      terms.merge(atom(node), factor, Coefficient::plus);
    }
  }

  private Atom atom(OperatorSyntax node) {
    if (node instanceof OperatorSyntax.Value) {
      return new Atom.Value();
    } else if (node instanceof OperatorSyntax.Derivative d) {
      return new Atom.Partial(d.variables().stream().map(v -> coordinates.indexOf(new Coordinate(v.name(), v.index()))).toList());
    } else if (node instanceof OperatorSyntax.Laplacian) {
      return new Atom.Laplacian();
    } else if (node instanceof OperatorSyntax.Biharmonic) {
      return new Atom.Biharmonic();
    } else if (node instanceof OperatorSyntax.Diffusion d) {
      return new Atom.Diffusion(d.matrix());
    } else if (node instanceof OperatorSyntax.Drift d) {
      return new Atom.Drift(d.vector());
    }
    throw new IllegalArgumentException("not an atom: " + node);
  }

  /** The coefficient a scalar subtree denotes; records a division by a constant zero. */
  private Coefficient coefficient(OperatorSyntax node) {
    if (node instanceof OperatorSyntax.Number n) {
      return new Coefficient.Constant(n.value());
    } else if (node instanceof OperatorSyntax.Name n) {
      return new Coefficient.ParameterRef(n.name());
    } else if (node instanceof OperatorSyntax.Element e) {
      return new Coefficient.ElementRef(e.array(), e.index());
    } else if (node instanceof OperatorSyntax.Negation n) {
      return new Coefficient.Negation(coefficient(n.operand()));
    }
    Binary b = (Binary) node;
    Coefficient left = coefficient(b.left());
    Coefficient right = b.operator() == OperatorSyntax.BinaryOperator.DIVIDE ? null : coefficient(b.right());
    return switch (b.operator()) {
      case PLUS -> new Coefficient.Sum(List.of(left, right));
      case MINUS -> new Coefficient.Sum(List.of(left, new Coefficient.Negation(right)));
      case TIMES -> new Coefficient.Product(List.of(left, right));
      case DIVIDE -> new Coefficient.Quotient(left, divisor(b.right()));
    };
  }

  /** The coefficient of a denominator; records an error when it is the constant zero. */
  private Coefficient divisor(OperatorSyntax node) {
    Coefficient c = coefficient(node);
    if (c.isZero()) {
      errors.add(OperatorError.at(node.column(), OperatorMessages.divisionByZero(node.column())));
    }
    return c;
  }
}
