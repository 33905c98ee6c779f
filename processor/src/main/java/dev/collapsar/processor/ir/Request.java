package dev.collapsar.processor.ir;

import java.util.List;

/**
 * Everything later stages need to know about one annotated method, free of javac types.
 *
 * @param method the method's simple name
 * @param packageName the package of the enclosing class
 * @param sourceClass the enclosing class's canonical name (for Javadoc links)
 * @param operatorsClass the simple name of the generated class, e.g. {@code Outer_InnerOperators}
 * @param publicClass whether the enclosing class is public (the generated one then is too)
 * @param program the method body and its helpers
 * @param coordinates the differentiated coordinates, in order
 * @param collapsed collapsed (default) or standard Taylor mode
 * @param estimator the randomized estimator to generate as well, or null
 * @param runTimeArray the differentiated {@code double[]} parameter whose length is known only at run
 *     time ({@code dim} omitted; {@code coordinates} is then empty), or null
 */
public record Request(
    String method,
    String packageName,
    String sourceClass,
    String operatorsClass,
    boolean publicClass,
    Source.Program program,
    List<Coordinate> coordinates,
    boolean collapsed,
    Estimator estimator,
    String runTimeArray) {

  /** The same request without its estimator. */
  public Request withoutEstimator() {
    return new Request(method, packageName, sourceClass, operatorsClass, publicClass, program, coordinates, collapsed,
        null, runTimeArray);
  }
}
