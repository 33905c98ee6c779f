package dev.collapsar.processor.ir;

import java.util.List;

/**
 * One annotated method as the frontend read it, free of javac types: {@code @Laplacian} is read as
 * the operator {@code laplacian} (with its own public methods), {@code @LinearPDE} with its text.
 * The coordinates are not resolved yet: {@code wrt}, {@code dim} and the text name them, and one
 * resolver of the operator stage works them out for both annotations.
 *
 * @param method the method's simple name
 * @param packageName the package of the enclosing class
 * @param sourceClass the enclosing class's canonical name (for Javadoc links)
 * @param operatorsClass the simple name of the generated class, e.g. {@code Outer_InnerOperators}
 * @param publicClass whether the enclosing class is public (the generated one then is too)
 * @param program the method body and its helpers
 * @param annotation which annotation asked for the operator
 * @param operator the operator text; {@code laplacian} for {@code @Laplacian}
 * @param generatedName the name of the generated operator method of {@code @LinearPDE} ({@code name},
 *     or {@code <method>Operator}); {@code @Laplacian} names its methods after {@code method}
 * @param wrt the {@code wrt} attribute (possibly empty)
 * @param dim the {@code dim} attribute ({@link #NO_DIM} when absent)
 * @param collapsed collapsed (default) or standard Taylor mode
 * @param sites where each part of the annotation is, for problems found after the frontend
 * @param estimator the randomized estimator to generate as well, or null
 */
public record Request(
    String method,
    String packageName,
    String sourceClass,
    String operatorsClass,
    boolean publicClass,
    Source.Program program,
    Annotation annotation,
    String operator,
    String generatedName,
    List<String> wrt,
    int dim,
    boolean collapsed,
    AnnotationSites sites,
    Estimator estimator) {

  /** The value of {@code dim} when it is absent. */
  public static final int NO_DIM = -1;

  /** The annotation a request comes from. */
  public enum Annotation { LAPLACIAN, LINEAR_PDE }

  /** The same request without its estimator. */
  public Request withoutEstimator() {
    return new Request(method, packageName, sourceClass, operatorsClass, publicClass, program, annotation, operator,
        generatedName, wrt, dim, collapsed, sites, null);
  }
}
