package dev.collapsar.processor.ir;

import java.util.List;

/**
 * A {@code @LinearPDE} method as the frontend read it, before its operator text is parsed (the
 * operator stage does that).
 *
 * @param method the method's simple name
 * @param packageName the package of the enclosing class
 * @param sourceClass the enclosing class's canonical name
 * @param operatorsClass the simple name of the generated class
 * @param publicClass whether the enclosing class is public
 * @param program the method body and its helpers
 * @param operator the operator text
 * @param generatedName the generated method's name ({@code name}, or {@code <method>Operator})
 * @param wrt the {@code wrt} attribute (possibly empty)
 * @param dim the {@code dim} attribute (−1 when absent)
 * @param collapsed collapsed or standard Taylor mode
 * @param sites where each part of the annotation is, for problems found after the frontend
 * @param estimator the randomized estimator to generate as well, or null
 */
public record PdeRequest(
    String method,
    String packageName,
    String sourceClass,
    String operatorsClass,
    boolean publicClass,
    Source.Program program,
    String operator,
    String generatedName,
    List<String> wrt,
    int dim,
    boolean collapsed,
    AnnotationSites sites,
    Estimator estimator) {

  /** The common part, with the coordinates the operator stage resolved. */
  public Request withCoordinates(List<Coordinate> coordinates) {
    return new Request(method, packageName, sourceClass, operatorsClass, publicClass, program, coordinates, collapsed,
        null, null);
  }
}
