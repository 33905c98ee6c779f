package dev.collapsar.processor.frontend;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Deterministic order: javac hands annotated elements over in a set, so the processor sorts them
 * by class name and then by their order in the class, and the output does not depend on the order
 * of files on the command line.
 */
public final class Sorting {
  private Sorting() {}

  /** The methods of this round annotated with {@code annotation}, by class name, then in their class's order. */
  public static List<ExecutableElement> annotated(RoundEnvironment round, Class<? extends Annotation> annotation) {
    List<ExecutableElement> sorted = new ArrayList<>();
    for (Element e : round.getElementsAnnotatedWith(annotation)) {
      sorted.add((ExecutableElement) e); // both annotations are @Target(METHOD)
    }
    sorted.sort(Comparator.comparing(Sorting::ownerName).thenComparingInt(Sorting::indexInOwner));
    return sorted;
  }

  private static String ownerName(Element e) {
    return ((TypeElement) e.getEnclosingElement()).getQualifiedName().toString();
  }

  private static int indexInOwner(Element e) {
    return e.getEnclosingElement().getEnclosedElements().indexOf(e);
  }

  public static AnnotationMirror mirror(Element e, Class<? extends Annotation> type) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(type.getCanonicalName())) {
        return m;
      }
    }
    throw new IllegalStateException("no @" + type.getSimpleName() + " on " + e);
  }
}
