package dev.collapsar.processor.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a problem is, in javac's terms. Later stages hold sites only as opaque objects and hand
 * them back to the {@link Reporter}; javac types never leave the frontend.
 */
sealed interface Site {

  /** An expression or statement of a method body. */
  record InTree(Tree tree, CompilationUnitTree unit) implements Site {}

  /** An annotation, or one of its values when {@code value} is not null. */
  record OnAnnotation(Element element, AnnotationMirror annotation, AnnotationValue value) implements Site {}
}
