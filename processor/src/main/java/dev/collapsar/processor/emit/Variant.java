package dev.collapsar.processor.emit;

import com.palantir.javapoet.ParameterSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A public method without a body of its own: it calls a generated kernel, so that a reader sees each
 * computation once and a new way to call an operator costs one small type here. The kinds:
 * {@link KernelCall} (a Laplacian's value, value with gradient, and evaluate), {@link DrawingDelegate}
 * (an estimator that draws its directions), {@link LaneWrapper} (an operator run in blocks of
 * directions whose number is known only at run time) and {@link BatchCall} (a point operator over many
 * points).
 */
public sealed interface Variant permits KernelCall, DrawingDelegate, LaneWrapper, BatchCall {
  /** Name and parameter types, e.g. {@code uLaplacian(double,double[])}: two methods may not share it. */
  String signatureKey();

  /**
   * The batch variant of this one ({@code <name>Batch}) when it is a point operator returning a
   * {@code double}, else null.
   *
   * @param coordinates the names of the parameters holding the coordinates
   */
  default BatchCall batch(Set<String> coordinates) {
    return null;
  }

  /** {@code name(type,type…)}, the form of {@link #signatureKey()}. */
  static String key(String name, List<ParameterSpec> parameters) {
    return name + parameters.stream().map(p -> p.type().toString()).collect(Collectors.joining(",", "(", ")"));
  }
}
