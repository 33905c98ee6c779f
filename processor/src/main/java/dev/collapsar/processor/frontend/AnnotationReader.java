package dev.collapsar.processor.frontend;

import dev.collapsar.Laplacian;
import dev.collapsar.Mode;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.diag.Problem;
import dev.collapsar.processor.ir.AnnotationSites;
import dev.collapsar.processor.ir.Estimator;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Checks the use of {@code @Laplacian} and {@code @LinearPDE} (a static method returning double, with
 * parameters of supported types, a valid name and sample count): every problem is reported on the
 * annotation, or on the offending annotation value.
 */
final class AnnotationReader {
  private final ExecutableElement method;
  private final AnnotationMirror mirror;

  AnnotationReader(ExecutableElement method, AnnotationMirror mirror) {
    this.method = method;
    this.mirror = mirror;
  }

  /**
   * The checked attributes of an annotation; the operator text and the coordinates are worked out by
   * the operator stage.
   */
  record Settings(String operator, String name, List<String> wrt, int dim, boolean collapsed,
      AnnotationSites sites, Estimator estimator) {}

  Settings linearPde() {
    dev.collapsar.LinearPDE annotation = method.getAnnotation(dev.collapsar.LinearPDE.class);
    checkShape("LinearPDE");
    String name = annotation.name().isEmpty() ? method.getSimpleName() + "Operator" : annotation.name();
    if (!javax.lang.model.SourceVersion.isName(name) || name.contains(".")) {
      throw fail(Messages.badName(name), "name");
    }
    return new Settings(annotation.value(), name, List.of(annotation.wrt()), annotation.dim(),
        annotation.mode() == Mode.COLLAPSED, sites(),
        estimator(annotation.samples(), annotation.distribution()));
  }

  /** The checked attributes of {@code @Laplacian}: read as the operator {@code laplacian}. */
  Settings laplacian() {
    Laplacian annotation = method.getAnnotation(Laplacian.class);
    checkShape("Laplacian");
    return new Settings("laplacian", method.getSimpleName() + "Laplacian", List.of(annotation.wrt()),
        annotation.dim(), annotation.mode() == Mode.COLLAPSED, sites(),
        estimator(annotation.samples(), annotation.distribution()));
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

  private AnnotationSites sites() {
    return new AnnotationSites(site("value"), site("wrt"), site("dim"), site(null));
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
