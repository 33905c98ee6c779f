package dev.collapsar.processor.frontend;

import com.sun.source.util.Trees;
import dev.collapsar.processor.diag.Problem;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor speaks to the user: every problem becomes a javac error at the exact
 * expression (through {@link Trees#printMessage}) or annotation value it concerns.
 */
public final class Reporter {
  private final Messager messager;
  private final Trees trees;
  private int errors;
  /** Problems already reported, by message and place: a helper shared by several methods errs once. */
  private final java.util.Set<java.util.List<Object>> reported = new java.util.HashSet<>();

  public Reporter(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** Reports {@code problem} at {@code site} (a site from this frontend), or at {@code fallback}. */
  public void error(Problem problem, Object site, Element fallback) {
    String text = problem.render();
    Object place = site instanceof Site.InTree t ? new Identity(t.tree()) : site != null ? site : fallback;
    if (!reported.add(java.util.List.of(text, place))) {
      return;
    }
    errors++;
    if (site instanceof Site.InTree t && trees != null) {
      trees.printMessage(Diagnostic.Kind.ERROR, text, t.tree(), t.unit());
    } else if (site instanceof Site.OnAnnotation a) {
      if (a.annotation() == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, text, a.element());
      } else if (a.value() != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, text, a.element(), a.annotation(), a.value());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, text, a.element(), a.annotation());
      }
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, text, fallback);
    }
  }

  /** Reports {@code problem} as a warning on {@code element}: the code is generated all the same. */
  public void warning(Problem problem, Element element) {
    if (reported.add(java.util.List.of(problem.render(), element))) {
      messager.printMessage(Diagnostic.Kind.WARNING, problem.render(), element);
    }
  }

  /** Reports {@code problem} on an annotation of {@code element}. */
  public void error(Problem problem, Element element, javax.lang.model.element.AnnotationMirror annotation) {
    error(problem, new Site.OnAnnotation(element, annotation, null), element);
  }

  /** Trees are compared by identity: the same node reached through two callers is one place. */
  private record Identity(Object tree) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.tree == tree;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(tree);
    }
  }

  /** How many errors were reported so far. */
  public int errorCount() {
    return errors;
  }
}
