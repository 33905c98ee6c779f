package dev.collapsar.processor.operator;

import java.util.List;
import java.util.Optional;

/**
 * What the operator text is resolved against: the method's parameters in declaration order and the
 * annotation's {@code wrt} and {@code dim}.
 *
 * @param parameters the method's parameters, in declaration order
 * @param wrt the names in {@code wrt}, empty when the attribute is absent
 * @param dim the value of {@code dim}, or {@link #NO_DIM} when absent
 * @param runTimeLength whether a lone {@code double[]} coordinate without {@code dim} takes its length
 *     at run time ({@code @Laplacian}) instead of being an error
 */
public record OperatorSignature(List<OperatorParameter> parameters, List<String> wrt, int dim,
    boolean runTimeLength) {
  /** The annotation's default for {@code dim}: not given. */
  public static final int NO_DIM = -1;

  public OperatorSignature {
    parameters = List.copyOf(parameters);
    wrt = List.copyOf(wrt);
  }

  /** A signature whose arrays need {@code dim} ({@code @LinearPDE}). */
  public OperatorSignature(List<OperatorParameter> parameters, List<String> wrt, int dim) {
    this(parameters, wrt, dim, false);
  }

  /** A signature without {@code wrt} and {@code dim}. */
  public static OperatorSignature of(OperatorParameter... parameters) {
    return new OperatorSignature(List.of(parameters), List.of(), NO_DIM);
  }

  /** The same parameters with {@code wrt} set. */
  public OperatorSignature withWrt(String... names) {
    return new OperatorSignature(parameters, List.of(names), dim, runTimeLength);
  }

  /** The same parameters with {@code dim} set. */
  public OperatorSignature withDim(int value) {
    return new OperatorSignature(parameters, wrt, value, runTimeLength);
  }

  public boolean hasDim() {
    return dim != NO_DIM;
  }

  /** The parameter called {@code name}, if there is one. */
  public Optional<OperatorParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
