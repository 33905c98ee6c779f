package dev.collapsar.processor.operator;

import dev.collapsar.processor.diag.Problem;
import java.util.Objects;

/**
 * A problem with the operator, and where it is: a 1-based column into the operator text (the
 * annotation's {@code value}), or one of the attributes {@code wrt} and {@code dim}, or the
 * annotation as a whole.
 *
 * @param problem the diagnostic, whose message already quotes the column when there is one
 * @param column 1-based column into the operator text, or 0 when {@code where} is not {@code VALUE}
 * @param where which part of the annotation to attach the diagnostic to
 */
public record OperatorError(Problem problem, int column, Where where) {

  /** The part of the annotation an error belongs to. */
  public enum Where { VALUE, WRT, DIM, ANNOTATION }

  public OperatorError {
    Objects.requireNonNull(problem);
    Objects.requireNonNull(where);
  }

  /** An error at a column of the operator text. */
  public static OperatorError at(int column, Problem problem) {
    return new OperatorError(problem, column, Where.VALUE);
  }

  /** An error on an attribute or on the annotation, with no column. */
  public static OperatorError on(Where where, Problem problem) {
    return new OperatorError(problem, 0, where);
  }
}
