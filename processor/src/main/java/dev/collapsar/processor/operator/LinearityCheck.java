package dev.collapsar.processor.operator;

import dev.collapsar.processor.diag.OperatorMessages;
import dev.collapsar.processor.operator.OperatorSyntax.Binary;
import java.util.Optional;

/**
 * Checks that a syntax tree is a linear operator: every term is a coefficient times exactly one
 * atom. Classifies each node as a coefficient (a number at the point) or an operator (linear in u):
 * a sum must not mix the two, a product may have at most one operator factor, and nothing may be
 * divided by an operator. The whole text must be an operator.
 */
final class LinearityCheck {
  private LinearityCheck() {}

  /** The first violation in {@code tree}, if any. */
  static Optional<OperatorError> check(OperatorSyntax tree) {
    try {
      if (!classify(tree)) {
        throw violation(tree, OperatorMessages.coefficientAlone(tree.column()));
      }
      return Optional.empty();
    } catch (Violation v) {
      return Optional.of(v.error);
    }
  }

  /** Whether {@code node} is an operator; only for trees that passed {@link #check}. */
  static boolean isOperator(OperatorSyntax node) {
    return classify(node);
  }

  /** True for an operator, false for a coefficient; throws at the first non-linear construct. */
  private static boolean classify(OperatorSyntax node) {
    if (node instanceof Binary b) {
      return binary(b);
    }
    if (node instanceof OperatorSyntax.Negation n) {
      return classify(n.operand());
    }
    return !(node instanceof OperatorSyntax.Number || node instanceof OperatorSyntax.Name
        || node instanceof OperatorSyntax.Element);
  }

  private static boolean binary(Binary b) {
    boolean left = classify(b.left());
    boolean right = classify(b.right());
    switch (b.operator()) {
      case PLUS, MINUS -> {
        if (left != right) {
          OperatorSyntax alone = left ? b.right() : b.left();
          throw violation(alone, OperatorMessages.coefficientAlone(alone.column()));
        }
        return left;
      }
      case TIMES -> {
        if (left && right) {
          throw violation(b.right(), OperatorMessages.productOfAtoms(b.right().column()));
        }
        return left || right;
      }
      case DIVIDE -> {
        if (right) {
          throw violation(b.right(), OperatorMessages.divisionByOperator(b.right().column()));
        }
        return left;
      }
      default -> throw new AssertionError(b.operator());
    }
  }

  private static Violation violation(OperatorSyntax at, dev.collapsar.processor.diag.Problem problem) {
    return new Violation(OperatorError.at(at.column(), problem));
  }

  private static final class Violation extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient OperatorError error;

    Violation(OperatorError error) {
      super(null, null, false, false);
      this.error = error;
    }
  }
}
