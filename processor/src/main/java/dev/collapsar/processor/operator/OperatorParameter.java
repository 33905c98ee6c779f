package dev.collapsar.processor.operator;

import java.util.Objects;

/**
 * One parameter of the annotated method, as far as the operator text can see it.
 *
 * @param name the parameter's identifier
 * @param kind its type
 */
public record OperatorParameter(String name, ParameterKind kind) {

  public OperatorParameter {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
  }
}
