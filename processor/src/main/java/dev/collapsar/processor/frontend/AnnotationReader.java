package dev.collapsar.processor.frontend;

import dev.collapsar.Laplacian;
import dev.collapsar.Mode;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.DiagnosticId;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.diag.Problem;
import dev.collapsar.processor.ir.AnnotationSites;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Estimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Checks the use of {@code @Laplacian} and works out the coordinates: every problem is reported on
 * the annotation, or on the offending annotation value.
 */
final class AnnotationReader {
  private final ExecutableElement method;
  private final AnnotationMirror mirror;

  AnnotationReader(ExecutableElement method, AnnotationMirror mirror) {
    this.method = method;
    this.mirror = mirror;
  }

  /** The checked attributes of {@code @LinearPDE}; the operator text is parsed later. */
  record PdeSettings(String operator, String name, List<String> wrt, int dim, boolean collapsed,
      AnnotationSites sites, Estimator estimator) {}

  PdeSettings linearPde() {
    dev.collapsar.LinearPDE annotation = method.getAnnotation(dev.collapsar.LinearPDE.class);
    checkShape("LinearPDE");
    String name = annotation.name().isEmpty() ? method.getSimpleName() + "Operator" : annotation.name();
    if (!javax.lang.model.SourceVersion.isName(name) || name.contains(".")) {
      throw fail(Messages.badName(name), "name");
    }
    return new PdeSettings(annotation.value(), name, List.of(annotation.wrt()), annotation.dim(),
        annotation.mode() == Mode.COLLAPSED,
        new AnnotationSites(site("value"), site("wrt"), site("dim"), site(null)),
        estimator(annotation.samples(), annotation.distribution()));
  }

  /** The validated settings of {@code @Laplacian} on the method. */
  record Settings(List<Coordinate> coordinates, boolean collapsed, Estimator estimator, String runTimeArray) {}

  /** The estimator {@code samples} asks for, or null for none. */
  private Estimator estimator(int samples, dev.collapsar.Distribution distribution) {
    if (samples == 0) {
      return null;
    }
    if ((samples < 0 && samples != Estimator.RUN_TIME) || samples > Estimator.MAX_SAMPLES) {
      throw fail(Messages.badSamples(samples, Estimator.MAX_SAMPLES), "samples");
    }
    return new Estimator(samples, distribution == dev.collapsar.Distribution.GAUSSIAN);
  }

  Settings laplacian() {
    Laplacian annotation = method.getAnnotation(Laplacian.class);
    checkShape("Laplacian");
    List<VariableElement> wrt = wrtParameters(annotation.wrt(), annotation.dim());
    boolean collapsed = annotation.mode() == Mode.COLLAPSED;
    Estimator estimator = estimator(annotation.samples(), annotation.distribution());
    String runTime = runTimeArray(wrt, annotation.dim());
    if (runTime != null) {
      return new Settings(List.of(), collapsed, estimator, runTime);
    }
    return new Settings(coordinates(wrt, annotation.dim()), collapsed, estimator, null);
  }

  /**
   * The {@code double[]} coordinates whose length is left to run time ({@code dim} omitted), or null.
   * Only a lone array can be: mixing it with scalar coordinates would leave no compile-time order.
   */
  private String runTimeArray(List<VariableElement> wrt, int dim) {
    if (dim != -1 || wrt.size() != 1 || wrt.get(0).asType().getKind() != TypeKind.ARRAY) {
      return null;
    }
    return wrt.get(0).getSimpleName().toString();
  }

  private void checkShape(String annotation) {
    String name = method.getSimpleName().toString();
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      throw fail(Messages.notStatic(name, annotation), null);
    }
    if (method.getReturnType().getKind() != TypeKind.DOUBLE) {
      throw fail(Messages.returnType(name, method.getReturnType().toString()), null);
    }
    for (VariableElement p : method.getParameters()) {
      if (Types.of(p.asType()) == null) {
        throw new CollapsarException(Messages.parameterType(p.getSimpleName().toString(), p.asType().toString()),
            new Site.OnAnnotation(p, null, null));
      }
    }
  }

  /**
   * The named parameters; by default the double parameters when there is no double[], the single
   * double[] when there is no double (or when dim is given for it), and otherwise no guess: a method
   * with both could mean either (weights are often double[], a bias often a double).
   */
  private List<VariableElement> wrtParameters(String[] names, int dim) {
    List<VariableElement> params = new ArrayList<>(method.getParameters());
    List<VariableElement> differentiable = params.stream().filter(AnnotationReader::differentiable).toList();
    if (names.length > 0) {
      List<VariableElement> chosen = new ArrayList<>();
      for (String n : names) {
        VariableElement p = differentiable.stream().filter(v -> v.getSimpleName().contentEquals(n)).findFirst()
            .orElseThrow(() -> fail(Messages.unknownWrt(n, describe(differentiable)), "wrt"));
        chosen.add(p);
      }
      return chosen;
    }
    List<VariableElement> scalars = params.stream().filter(p -> p.asType().getKind() == TypeKind.DOUBLE).toList();
    List<VariableElement> arrays = params.stream().filter(p -> Types.of(p.asType()) == dev.collapsar.processor.ir.Type.DOUBLE_ARRAY).toList();
    if (dim != -1 && arrays.size() == 1) {
      return arrays; // dim says which parameter holds the coordinates
    }
    if (!scalars.isEmpty() && !arrays.isEmpty()) {
      throw fail(Messages.ambiguousDefault(names(scalars), names(arrays)), null);
    }
    if (scalars.isEmpty() && arrays.size() > 1) {
      throw fail(Messages.severalArrays(names(arrays)), null);
    }
    if (scalars.isEmpty() && arrays.isEmpty()) {
      throw fail(Messages.noWrt(method.getSimpleName().toString()), null);
    }
    return scalars.isEmpty() ? arrays : scalars;
  }

  private List<Coordinate> coordinates(List<VariableElement> wrt, int dim) {
    boolean hasArray = wrt.stream().anyMatch(p -> p.asType().getKind() == TypeKind.ARRAY);
    if (dim != -1 && !hasArray) {
      throw fail(Messages.dimWithoutArray(dim, names(wrt)), "dim");
    }
    if (hasArray && dim == -1) {
      String array = wrt.stream().filter(p -> p.asType().getKind() == TypeKind.ARRAY).findFirst().orElseThrow()
          .getSimpleName().toString();
      throw fail(Messages.missingDim(array), null);
    }
    if (hasArray && (dim < 1 || dim > Messages.Limits.MAX_DIM)) {
      throw fail(Messages.badDim(dim), "dim");
    }
    List<Coordinate> coordinates = new ArrayList<>();
    for (VariableElement p : wrt) {
      String name = p.getSimpleName().toString();
      if (p.asType().getKind() == TypeKind.ARRAY) {
        for (int i = 0; i < dim; i++) {
          coordinates.add(new Coordinate(name, i));
        }
      } else {
        coordinates.add(new Coordinate(name, -1));
      }
    }
    return coordinates;
  }

  private static boolean differentiable(VariableElement p) {
    dev.collapsar.processor.ir.Type t = Types.of(p.asType());
    return t == dev.collapsar.processor.ir.Type.DOUBLE || t == dev.collapsar.processor.ir.Type.DOUBLE_ARRAY;
  }

  private static List<String> names(List<VariableElement> params) {
    return params.stream().map(p -> p.getSimpleName().toString()).toList();
  }

  private static String describe(List<VariableElement> params) {
    return params.isEmpty() ? "none" : params.stream().map(p -> p.getSimpleName().toString()).collect(Collectors.joining(", "));
  }

  /** A problem on the annotation, or on its attribute {@code attribute} when it is set explicitly. */
  private CollapsarException fail(Problem problem, String attribute) {
    return new CollapsarException(problem, site(attribute));
  }

  private Site site(String attribute) {
    AnnotationValue value = null;
    if (attribute != null) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals(attribute)) {
          value = e.getValue();
        }
      }
    }
    return new Site.OnAnnotation(method, mirror, value);
  }
}
