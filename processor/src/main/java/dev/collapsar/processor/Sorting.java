package dev.collapsar.processor;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Deterministic order: javac hands annotated elements over in a set, so the processor sorts them
 * by class name and then by their order in the class, and the output does not depend on the order
 * of files on the command line.
 */
final class Sorting {
  private Sorting() {}

  static List<Element> byPosition(Collection<? extends Element> elements) {
    List<Element> sorted = new ArrayList<>(elements);
    sorted.sort(Comparator.comparing(Sorting::ownerName).thenComparingInt(Sorting::indexInOwner));
    return sorted;
  }

  private static String ownerName(Element e) {
    return ((TypeElement) e.getEnclosingElement()).getQualifiedName().toString();
  }

  private static int indexInOwner(Element e) {
    return e.getEnclosingElement().getEnclosedElements().indexOf(e);
  }

  static AnnotationMirror mirror(Element e, Class<? extends Annotation> type) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(type.getCanonicalName())) {
        return m;
      }
    }
    throw new IllegalStateException("no @" + type.getSimpleName() + " on " + e);
  }
}
