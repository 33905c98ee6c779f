package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.diag.OperatorMessages;
import dev.collapsar.processor.operator.OperatorError.Where;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Works out the coordinates of an operator from {@code wrt}, {@code dim} and the names the text uses:
 * <ul>
 *   <li>{@code wrt} given: those parameters, in that order; a {@code double[]} among them needs
 *       {@code dim} and contributes the elements 0..dim−1;</li>
 *   <li>otherwise the parameters named in {@code D[...]}, in declaration order; an array contributes
 *       all dim elements when {@code dim} is given, else just the elements named. If the text also uses
 *       a whole-space atom ({@code laplacian}, …) while a differentiable parameter is left out and not
 *       used otherwise, the coordinates are ambiguous ({@code D[t] + laplacian} on (t, x, y));</li>
 *   <li>otherwise, when the text uses {@code laplacian}, {@code biharmonic}, {@code diffusion} or
 *       {@code drift}, the default of {@code @Laplacian}: every {@code double} parameter, or else the
 *       single {@code double[]} (the single one when {@code dim} is given); an argument of
 *       {@code drift} or an array read as coefficients is a default coordinate only if no other array is;
 *       a {@code double} used as a coefficient (is {@code k} in {@code laplacian + k*k*u} a coordinate?),
 *       or {@code double}s beside a {@code double[]} without {@code dim} (weights are often arrays, a bias
 *       a double) make the default ambiguous, an error that shows both rewrites;</li>
 *   <li>otherwise none (the operator is a multiple of {@code u}).</li>
 * </ul>
 * {@code @Laplacian} is resolved here too, as the text {@code laplacian} on a signature that lets a lone
 * {@code double[]} without {@code dim} take its length at run time.
 */
public final class CoordinateResolver {
  private final OperatorSignature signature;
  private final OperatorUses uses;

  private CoordinateResolver(OperatorSignature signature, OperatorUses uses) {
    this.signature = signature;
    this.uses = uses;
  }

  /**
   * The coordinates and the space coordinates (see {@link ResolvedOperator}).
   *
   * @param all the coordinates, in order (empty when their number is known only at run time)
   * @param space the positions of those that whole-space atoms range over
   * @param runTimeArray the {@code double[]} parameter whose length is read at run time, or null
   */
  public record Coordinates(List<Coordinate> all, List<Integer> space, String runTimeArray) {}

  static OperatorResult<Coordinates> resolve(OperatorSignature signature, OperatorUses uses) {
    return new CoordinateResolver(signature, uses).run();
  }

  private OperatorResult<Coordinates> run() {
    OperatorResult<List<OperatorParameter>> wrt = signature.wrt().isEmpty() ? inferred() : explicit();
    if (!wrt.isOk()) {
      return wrt.propagate();
    }
    List<OperatorParameter> parameters = wrt.value();
    if (signature.runTimeLength() && !signature.hasDim() && parameters.size() == 1
        && parameters.get(0).kind() == Type.DOUBLE_ARRAY) {
      return OperatorResult.of(new Coordinates(List.of(), List.of(), parameters.get(0).name()));
    }
    List<OperatorParameter> arrays = parameters.stream().filter(p -> p.kind() == Type.DOUBLE_ARRAY).toList();
    List<OperatorError> dimErrors = checkDim(arrays, parameters);
    if (!dimErrors.isEmpty()) {
      return OperatorResult.failed(dimErrors);
    }
    List<Coordinate> all = new ArrayList<>();
    List<Integer> space = new ArrayList<>();
    for (OperatorParameter p : parameters) {
      for (Coordinate c : coordinatesOf(p)) {
        if (arrays.size() != 1 || p.kind() == Type.DOUBLE_ARRAY) {
          space.add(all.size());
        }
        all.add(c);
      }
    }
    return OperatorResult.of(new Coordinates(all, space, null));
  }

  private OperatorResult<List<OperatorParameter>> explicit() {
    List<OperatorParameter> differentiable = signature.parameters().stream().filter(p -> p.kind().isDifferentiable()).toList();
    Set<OperatorParameter> chosen = new LinkedHashSet<>();
    for (String name : signature.wrt()) {
      OperatorParameter p = differentiable.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
      if (p == null) {
        return failed(Where.WRT, Messages.unknownWrt(name, names(differentiable)));
      }
      chosen.add(p);
    }
    return OperatorResult.of(List.copyOf(chosen));
  }

  private OperatorResult<List<OperatorParameter>> inferred() {
    Set<String> named = uses.variables().stream().map(OperatorSyntax.Variable::name).collect(Collectors.toSet());
    if (!named.isEmpty()) {
      List<OperatorParameter> chosen = signature.parameters().stream().filter(p -> named.contains(p.name())).toList();
      List<OperatorParameter> leftOut = signature.parameters().stream()
          .filter(p -> p.kind().isDifferentiable() && !named.contains(p.name()) && !usedOtherwise(p.name())).toList();
      if (uses.wholeSpace() && !leftOut.isEmpty()) {
        // D[t] + laplacian on (t, x, y) would be ∂²/∂t² silently; make the user say what laplacian ranges over.
        List<OperatorParameter> all = signature.parameters().stream()
            .filter(p -> chosen.contains(p) || leftOut.contains(p)).toList();
        return failed(Where.ANNOTATION, OperatorMessages.wholeSpaceOverInferred(
            chosen.stream().map(OperatorParameter::name).toList(), leftOut.stream().map(OperatorParameter::name).toList(),
            all.stream().map(OperatorParameter::name).toList()));
      }
      return OperatorResult.of(chosen);
    }
    return uses.wholeSpace() ? defaultSpace() : OperatorResult.of(List.of());
  }

  private OperatorResult<List<OperatorParameter>> defaultSpace() {
    List<OperatorParameter> scalars = ofKind(Type.DOUBLE);
    List<OperatorParameter> allArrays = ofKind(Type.DOUBLE_ARRAY);
    List<OperatorParameter> numbers = allArrays.stream().filter(p -> !usedOtherwise(p.name())).toList();
    // drift(x) alone: x·∇u, x is the coordinates
    List<OperatorParameter> arrays = numbers.isEmpty() && scalars.isEmpty() ? allArrays : numbers;
    if (signature.hasDim() && arrays.size() == 1) {
      return OperatorResult.of(arrays);
    }
    if (!scalars.isEmpty()) {
      List<OperatorParameter> coefficients = scalars.stream().filter(p -> uses.isCoefficient(p.name())).toList();
      if (!coefficients.isEmpty()) {
        return failed(Where.ANNOTATION, Messages.ambiguousWrt(OperatorMessages.coefficientAsDefaultCoordinate(names(coefficients)),
            "Name the coordinates: wrt = {" + scalars.stream().filter(p -> !coefficients.contains(p))
                .map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", ")) + "}."));
      }
      return arrays.isEmpty() ? OperatorResult.of(scalars)
          : failed(Where.ANNOTATION, Messages.ambiguousDefault(nameList(scalars), nameList(arrays)));
    }
    if (arrays.size() > 1) {
      return failed(Where.ANNOTATION, Messages.severalArrays(nameList(arrays)));
    }
    return arrays.isEmpty() ? failed(Where.ANNOTATION, OperatorMessages.noCoordinates()) : OperatorResult.of(arrays);
  }

  private List<OperatorError> checkDim(List<OperatorParameter> arrays, List<OperatorParameter> chosen) {
    if (signature.hasDim()) {
      if (arrays.isEmpty()) {
        return List.of(OperatorError.on(Where.DIM, Messages.dimWithoutArray(signature.dim(),
            chosen.stream().map(OperatorParameter::name).toList())));
      }
      if (signature.dim() < 1 || signature.dim() > Messages.Limits.MAX_DIM) {
        return List.of(OperatorError.on(Where.DIM, Messages.badDim(signature.dim())));
      }
      return List.of();
    }
    // Without dim an array's length is unknown: fine when only named elements are differentiated.
    boolean needsAllElements = !signature.wrt().isEmpty() || uses.wholeSpace();
    return arrays.isEmpty() || !needsAllElements ? List.of()
        : List.of(OperatorError.on(Where.ANNOTATION, Messages.missingDim(arrays.get(0).name())));
  }

  private List<Coordinate> coordinatesOf(OperatorParameter p) {
    if (p.kind() == Type.DOUBLE) {
      return List.of(new Coordinate(p.name(), -1));
    }
    Set<Integer> indices = new TreeSet<>();
    if (signature.hasDim()) {
      for (int i = 0; i < signature.dim(); i++) {
        indices.add(i);
      }
    } else {
      uses.variables().stream().filter(v -> v.name().equals(p.name()) && v.index() >= 0).forEach(v -> indices.add(v.index()));
    }
    return indices.stream().map(i -> new Coordinate(p.name(), i)).toList();
  }

  /** Whether the text uses {@code name} other than as a variable: as a coefficient, element or argument. */
  private boolean usedOtherwise(String name) {
    return uses.isCoefficient(name) || uses.isDriftArgument(name)
        || uses.coefficientElements().stream().anyMatch(e -> e.array().equals(name));
  }

  private List<OperatorParameter> ofKind(Type kind) {
    return signature.parameters().stream().filter(p -> p.kind() == kind).toList();
  }

  private static List<String> nameList(List<OperatorParameter> parameters) {
    return parameters.stream().map(OperatorParameter::name).toList();
  }

  private static String names(List<OperatorParameter> parameters) {
    return parameters.isEmpty() ? "none" : parameters.stream().map(OperatorParameter::name).collect(Collectors.joining(", "));
  }

  private static <T> OperatorResult<T> failed(Where where, dev.collapsar.processor.diag.Problem problem) {
    return OperatorResult.failed(List.of(OperatorError.on(where, problem)));
  }
}
