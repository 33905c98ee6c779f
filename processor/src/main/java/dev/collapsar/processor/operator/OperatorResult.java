package dev.collapsar.processor.operator;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Either a value or the errors that prevented it (never both, never neither).
 *
 * @param <T> the type of the value
 */
public final class OperatorResult<T> {
  private final T value;
  private final List<OperatorError> errors;

  private OperatorResult(T value, List<OperatorError> errors) {
    this.value = value;
    this.errors = List.copyOf(errors);
  }

  public static <T> OperatorResult<T> of(T value) {
    return new OperatorResult<>(java.util.Objects.requireNonNull(value), List.of());
  }

  public static <T> OperatorResult<T> failed(List<OperatorError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a failed result needs at least one error");
    }
    return new OperatorResult<>(null, errors);
  }

  public boolean isOk() {
    return errors.isEmpty();
  }

  /** The value; throws if there were errors. */
  public T value() {
    if (!isOk()) {
      throw new NoSuchElementException("no value: " + errors.get(0).problem().render());
    }
    return value;
  }

  /** The errors, in the order of their columns; empty when there is a value. */
  public List<OperatorError> errors() {
    return errors;
  }

  /** The same errors as a result of another type; only for failed results. */
  public <U> OperatorResult<U> propagate() {
    return failed(errors);
  }
}
