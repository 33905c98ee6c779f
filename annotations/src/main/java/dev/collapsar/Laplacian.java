package dev.collapsar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the Collapsar processor to generate the Laplacian Δm = Σᵢ ∂²m/∂xᵢ² of the annotated static
 * method {@code m}, as straight-line Java computed by collapsed Taylor-mode automatic differentiation.
 *
 * <p>For a method in class {@code Fields}:
 *
 * <pre>{@code
 * final class Fields {
 *   @Laplacian
 *   static double u(double x, double y) { return Math.sin(x) * Math.exp(y) + x * x * y; }
 * }
 * }</pre>
 *
 * the processor writes {@code FieldsOperators} in the same package with
 *
 * <pre>{@code
 * static double uLaplacian(double x, double y)                        // Δu at (x, y)
 * static LaplacianResult uEvaluate(double x, double y)                // u, ∇u and Δu in one pass
 * static double uLaplacian(double x, double y, double[] gradientOut)   // Δu; ∇u into the caller's array
 * }</pre>
 *
 * <p>The method must be {@code static}, return {@code double}, and be written in the supported subset
 * of Java (see the README): anything else is a compile error at the offending expression.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Laplacian {

  /**
   * The value of {@link #samples()} that leaves the number of random directions to run time: the
   * estimator then takes as many directions as the caller passes (the rows of {@code v}, or an
   * {@code int samples} argument next to the generator).
   */
  int RUN_TIME = -1;

  /**
   * The parameters to differentiate. Default (empty): every {@code double} parameter when the method
   * has no {@code double[]}; the single {@code double[]} parameter when it has no {@code double}, or
   * when {@link #dim()} is given. A method with both and no {@code dim} is a compile error
   * ({@code [Collapsar/AmbiguousWrt]}) rather than a guess: a bias is often a {@code double}, weights
   * a {@code double[]}. Parameters not named here are constants of the operator.
   */
  String[] wrt() default {};

  /**
   * The length of an array {@code wrt} parameter, fixed at compile time; the generated code then
   * checks the length it is given. Omitted (−1), the length is whatever the caller passes: the
   * generated code then differentiates along blocks of basis directions at run time (see the README
   * for what a compile-time {@code dim} still buys).
   */
  int dim() default -1;

  /** {@link Mode#COLLAPSED} (default) or {@link Mode#STANDARD} plain Taylor mode. */
  Mode mode() default Mode.COLLAPSED;

  /**
   * The number of random directions of the randomized estimator {@code mLaplacianEstimate}; 0 (the
   * default) generates no estimator; {@link #RUN_TIME} leaves the number to the caller.
   */
  int samples() default 0;

  /** The distribution of the estimator's random directions. */
  Distribution distribution() default Distribution.GAUSSIAN;
}
