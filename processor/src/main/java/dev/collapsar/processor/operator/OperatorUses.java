package dev.collapsar.processor.operator;

import dev.collapsar.processor.operator.OperatorSyntax.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every name an operator text uses, by role, in text order: what resolution checks against the
 * parameters and what the default coordinates are inferred from.
 *
 * @param variables the variables inside {@code D[...]}
 * @param coefficientNames the parameter names used as coefficients
 * @param coefficientElements the array elements used as coefficients
 * @param arguments the arguments of {@code diffusion(S)} and {@code drift(b)}
 * @param wholeSpace whether an atom ranges over all space coordinates ({@code laplacian},
 *     {@code biharmonic}, {@code diffusion}, {@code drift})
 */
record OperatorUses(List<Variable> variables, List<OperatorSyntax.Name> coefficientNames,
    List<OperatorSyntax.Element> coefficientElements, List<OperatorSyntax> arguments, boolean wholeSpace) {

  static OperatorUses of(OperatorSyntax tree) {
    Collector c = new Collector();
    c.walk(tree);
    return new OperatorUses(List.copyOf(c.variables), List.copyOf(c.names), List.copyOf(c.elements),
        List.copyOf(c.arguments), c.wholeSpace);
  }

  /** Whether {@code name} is used as a coefficient (a name, or an element of it). */
  boolean isCoefficient(String name) {
    return coefficientNames.stream().anyMatch(n -> n.name().equals(name));
  }

  /** Whether {@code name} is the argument of a {@code drift}. */
  boolean isDriftArgument(String name) {
    return arguments.stream().anyMatch(a -> a instanceof OperatorSyntax.Drift d && d.vector().equals(name));
  }

  private static final class Collector {
    final List<Variable> variables = new ArrayList<>();
    final List<OperatorSyntax.Name> names = new ArrayList<>();
    final List<OperatorSyntax.Element> elements = new ArrayList<>();
    final List<OperatorSyntax> arguments = new ArrayList<>();
    boolean wholeSpace;

    void walk(OperatorSyntax node) {
      if (node instanceof OperatorSyntax.Binary b) {
        walk(b.left());
        walk(b.right());
      } else if (node instanceof OperatorSyntax.Negation n) {
        walk(n.operand());
      } else if (node instanceof OperatorSyntax.Derivative d) {
        variables.addAll(d.variables());
      } else if (node instanceof OperatorSyntax.Name n) {
        names.add(n);
      } else if (node instanceof OperatorSyntax.Element e) {
        elements.add(e);
      } else if (node instanceof OperatorSyntax.Diffusion || node instanceof OperatorSyntax.Drift) {
        arguments.add(node);
        wholeSpace = true;
      } else if (node instanceof OperatorSyntax.Laplacian || node instanceof OperatorSyntax.Biharmonic) {
        wholeSpace = true;
      }
    }
  }
}
