package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.diag.OperatorMessages;
import dev.collapsar.processor.operator.OperatorSyntax.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a parsed operator against the method's parameters and works out its coordinates
 * ({@link CoordinateResolver}), then collects its terms ({@link TermCollector}).
 *
 * <p>Kinds, by role: a variable of {@code D[...]} is a {@code double} parameter or an element
 * {@code x[i]} of a {@code double[]} parameter, and must be a coordinate; a coefficient name is a
 * {@code double}, {@code int} or {@code long} parameter (coordinates included: {@code s*s*D[s,s]}
 * reads {@code s} at the point); a coefficient element is an element of a {@code double[]};
 * {@code diffusion} takes a {@code double[][]} and {@code drift} a {@code double[]}. All name errors
 * are reported together, in column order.
 */
public final class OperatorResolver {
  private final OperatorSignature signature;
  private final List<OperatorError> errors = new ArrayList<>();

  private OperatorResolver(OperatorSignature signature) {
    this.signature = signature;
  }

  /** The resolved operator, or every error found. */
  public static OperatorResult<ResolvedOperator> resolve(OperatorSyntax tree, OperatorSignature signature) {
    return new OperatorResolver(signature).run(tree);
  }

  private OperatorResult<ResolvedOperator> run(OperatorSyntax tree) {
    OperatorUses uses = OperatorUses.of(tree);
    uses.variables().forEach(this::checkVariable);
    uses.coefficientNames().forEach(this::checkCoefficientName);
    uses.coefficientElements().forEach(this::checkCoefficientElement);
    uses.arguments().forEach(this::checkArgument);
    if (!errors.isEmpty()) {
      return failed();
    }
    OperatorResult<CoordinateResolver.Coordinates> coordinates = CoordinateResolver.resolve(signature, uses);
    if (!coordinates.isOk()) {
      return coordinates.propagate();
    }
    List<Coordinate> all = coordinates.value().all();
    uses.variables().forEach(v -> checkIsCoordinate(v, all));
    uses.coefficientElements().forEach(e -> checkElementRange(e, all));
    if (!errors.isEmpty()) {
      return failed();
    }
    OperatorResult<Map<Atom, Coefficient>> terms = TermCollector.collect(tree, all);
    if (!terms.isOk()) {
      return terms.propagate();
    }
    return OperatorResult.of(new ResolvedOperator(all, coordinates.value().space(), terms.value()));
  }

  private void checkVariable(Variable v) {
    OperatorParameter p = signature.parameter(v.name()).orElse(null);
    if (p == null) {
      error(v.column(), OperatorMessages.unknownVariable(v.display(), v.column(), names(Type::isDifferentiable)));
    } else if (!p.kind().isDifferentiable()) {
      error(v.column(), OperatorMessages.notDifferentiable(v.name(), p.kind().java(), v.column()));
    } else if (p.kind() == Type.DOUBLE && v.index() >= 0) {
      error(v.column(), OperatorMessages.scalarIndexed(v.display(), v.name(), v.column()));
    } else if (p.kind() == Type.DOUBLE_ARRAY && v.index() < 0) {
      error(v.column(), OperatorMessages.arrayNeedsIndex(v.name(), v.column()));
    }
  }

  private void checkCoefficientName(OperatorSyntax.Name n) {
    OperatorParameter p = signature.parameter(n.name()).orElse(null);
    if (p == null) {
      error(n.column(), OperatorMessages.unknownCoefficient(n.name(), n.column(), names(Type::isNumber)));
    } else if (!p.kind().isNumber()) {
      error(n.column(), OperatorMessages.coefficientNotNumber(n.name(), p.kind().java(), n.column(),
          p.kind() == Type.DOUBLE_ARRAY));
    }
  }

  private void checkCoefficientElement(OperatorSyntax.Element e) {
    OperatorParameter p = signature.parameter(e.array()).orElse(null);
    if (p == null) {
      error(e.column(), OperatorMessages.unknownCoefficient(e.array(), e.column(), names(k -> k == Type.DOUBLE_ARRAY)));
    } else if (p.kind() != Type.DOUBLE_ARRAY) {
      error(e.column(), OperatorMessages.coefficientNotArray(e.array(), p.kind().java(), e.column()));
    }
  }

  private void checkArgument(OperatorSyntax call) {
    boolean diffusion = call instanceof OperatorSyntax.Diffusion;
    String name = diffusion ? ((OperatorSyntax.Diffusion) call).matrix() : ((OperatorSyntax.Drift) call).vector();
    int column = diffusion ? ((OperatorSyntax.Diffusion) call).argumentColumn() : ((OperatorSyntax.Drift) call).argumentColumn();
    Type wanted = diffusion ? Type.DOUBLE_MATRIX : Type.DOUBLE_ARRAY;
    OperatorParameter p = signature.parameter(name).orElse(null);
    if (p == null || p.kind() != wanted) {
      String found = p == null ? null : p.kind().java();
      error(column, OperatorMessages.badArgument(diffusion ? "diffusion" : "drift", name, wanted.java(), found, column,
          names(k -> k == wanted)));
    }
  }

  private void checkIsCoordinate(Variable v, List<Coordinate> coordinates) {
    if (v.index() >= 0 && signature.hasDim() && v.index() >= signature.dim()
        && coordinates.stream().anyMatch(c -> c.parameter().equals(v.name()))) {
      error(v.column(), OperatorMessages.indexOutOfRange(v.display(), signature.dim(), v.column()));
    } else if (!coordinates.contains(new Coordinate(v.name(), v.index()))) {
      error(v.column(), OperatorMessages.notACoordinate(v.display(), v.column(), signature.wrt()));
    }
  }

  private void checkElementRange(OperatorSyntax.Element e, List<Coordinate> coordinates) {
    boolean isCoordinateArray = coordinates.stream().anyMatch(c -> c.parameter().equals(e.array()));
    if (isCoordinateArray && signature.hasDim() && e.index() >= signature.dim()) {
      error(e.column(), OperatorMessages.coefficientIndexOutOfRange(e.array() + "[" + e.index() + "]", signature.dim(),
          e.column()));
    }
  }

  private String names(java.util.function.Predicate<Type> kind) {
    String listed = signature.parameters().stream().filter(p -> kind.test(p.kind())).map(OperatorParameter::name)
        .collect(Collectors.joining(", "));
    return listed.isEmpty() ? "none" : listed;
  }

  private void error(int column, dev.collapsar.processor.diag.Problem problem) {
    errors.add(OperatorError.at(column, problem));
  }

  private OperatorResult<ResolvedOperator> failed() {
    errors.sort(Comparator.comparingInt(OperatorError::column));
    return OperatorResult.failed(errors);
  }
}
