package dev.collapsar.processor.frontend;

import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.ir.Source;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The frontend: reads an annotated method through the Compiler Tree API into a {@link Request}.
 * Problems are thrown as {@link CollapsarException}s whose sites the {@link Reporter} understands.
 */
public final class Frontend {
  private final Elements elements;
  private final Trees trees;

  public Frontend(Elements elements, Trees trees) {
    this.elements = elements;
    this.trees = trees;
  }

  /** Reads a {@code @Laplacian} method, as the operator {@code laplacian}. */
  public Request laplacian(ExecutableElement method, AnnotationMirror annotation) {
    return request(method, Request.Annotation.LAPLACIAN, new AnnotationReader(method, annotation).laplacian());
  }

  /** Reads a {@code @LinearPDE} method; its operator text is left to the operator stage. */
  public Request linearPde(ExecutableElement method, AnnotationMirror annotation) {
    return request(method, Request.Annotation.LINEAR_PDE, new AnnotationReader(method, annotation).linearPde());
  }

  private Request request(ExecutableElement method, Request.Annotation kind, AnnotationReader.Settings s) {
    Source.Program program = program(method);
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    return new Request(method.getSimpleName().toString(), packageOf(owner), owner.getQualifiedName().toString(),
        operatorsName(owner), owner.getModifiers().contains(Modifier.PUBLIC), program, kind, s.operator(), s.name(),
        s.wrt(), s.dim(), s.collapsed(), s.sites(), s.estimator());
  }

  private Source.Program program(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    ClassMembers members = new ClassMembers(owner, elements, trees);
    TreePath path = trees.getPath(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      throw new CollapsarException(Messages.noSource(method.getSimpleName().toString()), null);
    }
    String key = members.key(method);
    Source.Function entry = new FunctionTranslator(path.getCompilationUnit(), members).translate(method, tree, key);
    members.helpers().putIfAbsent(key, entry); // a helper calling back into the entry is recursion
    return new Source.Program(entry, members.helpers());
  }

  private String packageOf(TypeElement owner) {
    return elements.getPackageOf(owner).getQualifiedName().toString();
  }

  /** {@code FieldsOperators}; for a nested class {@code Outer.Inner}, {@code Outer_InnerOperators}. */
  static String operatorsName(TypeElement owner) {
    StringBuilder name = new StringBuilder(owner.getSimpleName());
    for (Element e = owner.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + "_");
    }
    return name.append("Operators").toString();
  }

  /** Gets the compiler's tree API, or explains why it is unavailable. */
  public static Trees trees(javax.annotation.processing.ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
