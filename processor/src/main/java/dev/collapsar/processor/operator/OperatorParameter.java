package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import java.util.Objects;

/**
 * One parameter of the annotated method, as far as the operator text can see it.
 *
 * @param name the parameter's identifier
 * @param kind its type
 */
public record OperatorParameter(String name, Type kind) {

  public OperatorParameter {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
  }
}
