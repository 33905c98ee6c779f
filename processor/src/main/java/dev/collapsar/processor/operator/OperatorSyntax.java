package dev.collapsar.processor.operator;

import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * The parsed operator text: a tree of coefficients (numbers, parameter names, arithmetic) and
 * operator atoms, each node knowing the 1-based column where it starts. The parser guarantees that
 * the tree is linear in the atoms (see {@link LinearityCheck}); names are not checked yet.
 */
public sealed interface OperatorSyntax {

  /** 1-based column of the node's first character in the operator text. */
  int column();

  /** A numeric literal and its exact value ({@code 0.1} is exactly 1/10). */
  record Number(String text, BigFraction value, int column) implements OperatorSyntax {}

  /** A parameter name used as a coefficient. */
  record Name(String name, int column) implements OperatorSyntax {}

  /** An array element used as a coefficient, {@code x[2]}. */
  record Element(String array, int index, int column) implements OperatorSyntax {}

  /** The atom {@code u}: the function's value. */
  record Value(int column) implements OperatorSyntax {}

  /** The atom {@code D[a,b,...]}: a partial derivative of order {@code variables.size()}. */
  record Derivative(List<Variable> variables, int column) implements OperatorSyntax {
    public Derivative {
      variables = List.copyOf(variables);
    }
  }

  /** The atom {@code laplacian}. */
  record Laplacian(int column) implements OperatorSyntax {}

  /** The atom {@code biharmonic}. */
  record Biharmonic(int column) implements OperatorSyntax {}

  /** The atom {@code diffusion(S)}; {@code argumentColumn} locates {@code S}. */
  record Diffusion(String matrix, int column, int argumentColumn) implements OperatorSyntax {}

  /** The atom {@code drift(b)}; {@code argumentColumn} locates {@code b}. */
  record Drift(String vector, int column, int argumentColumn) implements OperatorSyntax {}

  /** {@code left op right}; the node starts where {@code left} starts. */
  record Binary(BinaryOperator operator, OperatorSyntax left, OperatorSyntax right, int operatorColumn)
      implements OperatorSyntax {
    @Override
    public int column() {
      return left.column();
    }
  }

  /** Unary minus; {@code column} is that of the {@code -}. */
  record Negation(OperatorSyntax operand, int column) implements OperatorSyntax {}

  /** The four binary operators. */
  enum BinaryOperator {
    PLUS('+'), MINUS('-'), TIMES('*'), DIVIDE('/');

    private final char symbol;

    BinaryOperator(char symbol) {
      this.symbol = symbol;
    }

    public char symbol() {
      return symbol;
    }
  }

  /**
   * A variable inside {@code D[...]}: a scalar parameter ({@code index} −1) or an array element.
   *
   * @param name the parameter's name
   * @param index the element index, or −1
   * @param column 1-based column of the name
   */
  record Variable(String name, int index, int column) {
    /** As written: {@code s} or {@code x[2]}. */
    public String display() {
      return index < 0 ? name : name + "[" + index + "]";
    }
  }
}
