package dev.collapsar.processor.diag;

import java.util.List;

/**
 * The message catalog for the operator text of {@code @LinearPDE}: syntax, linearity, names and
 * coordinates. Every message about the text says the 1-based column it concerns and what was
 * expected or which names exist; {@link Messages} holds the rest of the catalog.
 */
public final class OperatorMessages {
  private static final String TERM_HINT = "An operator is a sum of terms such as `0.5*D[x,x]`, `-r*u`, `laplacian`.";

  private OperatorMessages() {}

  /** "a double", "an int". */
  private static String a(String type) {
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  private static Problem problem(DiagnosticId id, String message, String hint) {
    return new Problem(id, message, hint);
  }

  // ---- syntax

  /** "Expected X after `+` at column 12, found `)`." */
  public static Problem expected(String what, String after, int column, String found, boolean juxtaposed) {
    String where = after == null ? "at column " + column : "after `" + after + "` at column " + column;
    return problem(DiagnosticId.OPERATOR_SYNTAX, "Expected " + what + " " + where + ", found " + found + ".",
        juxtaposed ? "Write `*` between a coefficient and what it multiplies, e.g. `2*u`." : TERM_HINT);
  }

  public static Problem badCharacter(String character, int column) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "Unexpected character `" + character + "` at column " + column + ".",
        "Operators use numbers, parameter names, `+ - * / ( ) [ ] ,` and the atoms `u`, `D[...]`, `laplacian`, "
            + "`biharmonic`, `diffusion(S)`, `drift(b)`.");
  }

  public static Problem malformedNumber(String text, int column, String found) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "Expected the digits of the exponent of `" + text + "` at column " + column
        + ", found " + found + ".", "Write a number such as `1e-3`.");
  }

  public static Problem badIndex(String text, int column) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "Expected an index such as `0` at column " + column + ", found `" + text + "`.",
        "Array elements are written with a non-negative integer, e.g. `x[2]`.");
  }

  public static Problem tooDeep(int limit, int column) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "The operator nests more than " + limit + " levels deep at column " + column + ".",
        "Simplify the expression.");
  }

  public static Problem tooLong(int length, int limit) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "The operator is " + length + " characters long; the limit is " + limit
        + " (column " + (limit + 1) + " is past it).", "Write a shorter operator, e.g. with `laplacian` or `diffusion(S)`.");
  }

  public static Problem orderTooHigh(int order, int column) {
    return problem(DiagnosticId.OPERATOR_ORDER, "The derivative at column " + column + " has order " + order
        + ", but the highest supported order is 4.", "Write derivatives with one to four variables, e.g. `D[x,x,y,y]`.");
  }

  // ---- linearity

  public static Problem repeatedVariable(String atom, String variable, int column) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "The variable " + variable + " at column " + column + " is named twice in "
        + atom + "(...), which sums over the distinct coordinates it names.", "Name each coordinate once.");
  }

  public static Problem coefficientAlone(int column) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "The term at column " + column
        + " is a coefficient alone, and a coefficient alone is not an operator term.",
        "Multiply it by an atom; for a multiple of the function itself write `c*u`.");
  }

  public static Problem productOfAtoms(int column) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "The atom at column " + column
        + " multiplies another atom, but an operator term has exactly one atom (the operator must be linear).",
        "Write a sum of terms, each a coefficient times one atom; `D[x,y]` is the mixed derivative. (`u`, `laplacian` "
            + "and `biharmonic` always mean the atoms, so parameters with these names cannot be coefficients.)");
  }

  public static Problem divisionByOperator(int column) {
    return problem(DiagnosticId.OPERATOR_SYNTAX, "The divisor at column " + column + " contains an atom, but only coefficients "
        + "can divide (the operator must be linear).", "Divide by a number or a parameter, e.g. `D[x,x]/2`.");
  }

  // ---- names

  public static Problem unknownVariable(String variable, int column, String available) {
    return problem(DiagnosticId.OPERATOR_VARIABLE, "The variable " + variable + " at column " + column
        + " is not a parameter of this method.", "Differentiable parameters: " + available + ".");
  }

  public static Problem notDifferentiable(String name, String type, int column) {
    return problem(DiagnosticId.OPERATOR_VARIABLE, "The variable " + name + " at column " + column + " is " + a(type)
        + " parameter, but only double parameters and elements of double[] parameters can be differentiated.",
        "Differentiate with respect to a double parameter, or an element x[i] of a double[] x with dim.");
  }

  public static Problem scalarIndexed(String variable, String name, int column) {
    return problem(DiagnosticId.OPERATOR_VARIABLE, "The variable " + variable + " at column " + column + " indexes " + name
        + ", which is a double, not a double[].", "Write `" + name + "`.");
  }

  public static Problem arrayNeedsIndex(String name, int column) {
    return problem(DiagnosticId.OPERATOR_VARIABLE, "The variable " + name + " at column " + column
        + " is a double[] parameter; a derivative is taken with respect to one of its elements.",
        "Write an element, e.g. `" + name + "[0]`.");
  }

  public static Problem indexOutOfRange(String variable, int dim, int column) {
    return problem(DiagnosticId.OPERATOR_VARIABLE, "The variable " + variable + " at column " + column
        + " is out of range: dim = " + dim + " gives elements 0 to " + (dim - 1) + ".", "Check the index and dim.");
  }

  public static Problem notACoordinate(String variable, int column, List<String> wrt) {
    return problem(DiagnosticId.OPERATOR_VARIABLE, "The variable " + variable + " at column " + column
        + " is not among the coordinates wrt = {" + String.join(", ", wrt) + "}.", "Add it to wrt.");
  }

  public static Problem unknownCoefficient(String name, int column, String available) {
    return problem(DiagnosticId.OPERATOR_COEFFICIENT, "The coefficient " + name + " at column " + column
        + " is not a parameter of this method.", "Coefficients are numbers or numeric parameters: " + available + ".");
  }

  public static Problem coefficientNotNumber(String name, String type, int column, boolean isArray) {
    return problem(DiagnosticId.OPERATOR_COEFFICIENT, "The coefficient " + name + " at column " + column + " is " + a(type)
        + " parameter, but a coefficient must be a double, int or long.",
        isArray ? "Use an element, e.g. `" + name + "[0]`." : "Pass the coefficient as a double parameter.");
  }

  public static Problem coefficientNotArray(String name, String type, int column) {
    return problem(DiagnosticId.OPERATOR_COEFFICIENT, "The coefficient at column " + column + " indexes " + name + ", which is "
        + a(type) + ", not a double[].", "Index a double[] parameter, or use " + name + " itself if it is a number.");
  }

  public static Problem coefficientIndexOutOfRange(String element, int dim, int column) {
    return problem(DiagnosticId.OPERATOR_COEFFICIENT, "The coefficient " + element + " at column " + column
        + " is out of range: dim = " + dim + " gives elements 0 to " + (dim - 1) + ".", "Check the index and dim.");
  }

  public static Problem divisionByZero(int column) {
    return problem(DiagnosticId.OPERATOR_COEFFICIENT, "The divisor at column " + column + " is zero.",
        "Divide by a nonzero number, or leave the term out.");
  }

  public static Problem literalOutOfRange(String text, int column) {
    return problem(DiagnosticId.OPERATOR_COEFFICIENT, "The number " + text + " at column " + column
        + " is outside the range of double.", "Write a number between about 1e-308 and 1e308 in magnitude.");
  }

  /** {@code diffusion(S)} or {@code drift(b)} with an argument that is missing or has the wrong type. */
  public static Problem badArgument(String function, String name, String wanted, String found, int column, String available) {
    String is = found == null ? "is not a parameter of this method" : "is " + a(found);
    return problem(DiagnosticId.OPERATOR_ARGUMENT, "The argument " + name + " of " + function + " at column " + column + " " + is
        + ", but " + function + " takes " + a(wanted) + " parameter.", wanted + " parameters: " + available + ".");
  }

  // ---- coordinates

  /** The reason for {@link Messages#ambiguousWrt} when a default coordinate is also a coefficient. */
  public static String coefficientAsDefaultCoordinate(String names) {
    return names + " would be differentiated (by default every double parameter is a coordinate) and is also used as "
        + "a coefficient";
  }

  /**
   * A whole-space atom meets coordinates inferred from D[...]: in {@code D[t] - laplacian} on (t, x, y),
   * is the Laplacian over x, y (the heat equation) or over t, x, y?
   */
  public static Problem wholeSpaceOverInferred(List<String> inferred, List<String> leftOut, List<String> all) {
    String over = String.join(", ", leftOut);
    String wrt = all.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(", "));
    return problem(DiagnosticId.AMBIGUOUS_WRT, "The coordinates to differentiate are ambiguous: laplacian, "
        + "biharmonic, diffusion and drift range over the coordinates, which D[...] gives as "
        + String.join(", ", inferred) + ", leaving out " + over + ".",
        "For an operator over " + over + " only (as in the heat equation D[t] - laplacian(" + over + ")), name them: "
        + "laplacian(" + over + ") or biharmonic(" + over + "); to have the atoms range over " + String.join(", ", all)
        + ", give wrt = {" + wrt + "}.");
  }

  public static Problem noCoordinates() {
    return problem(DiagnosticId.NO_WRT, "The method has no double or double[] parameter to differentiate.",
        "Add the coordinates as double parameters, or one double[] parameter with dim.");
  }
}
