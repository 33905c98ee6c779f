package dev.collapsar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the Collapsar processor to generate a linear differential operator L u = Σ c_α ∂^α u
 * (|α| ≤ 4) of the annotated static method, by collapsed Taylor mode.
 *
 * <pre>{@code
 * @LinearPDE(value = "D[t] + 0.5*sigma*sigma*s*s*D[s,s] + r*s*D[s] - r*u", name = "blackScholes")
 * static double price(double t, double s, double sigma, double r) { ... }
 * }</pre>
 *
 * generates {@code static double blackScholes(double t, double s, double sigma, double r)} in the
 * enclosing class's {@code Operators} class.
 *
 * <p>Operator language: a sum of terms, each an optional coefficient times an atom. Atoms: {@code u};
 * {@code D[a,b,...]} (the partial derivative ∂ᵏu/∂a∂b…, 1 ≤ k ≤ 4, with scalar parameter names or
 * array elements such as {@code x[2]}); {@code laplacian}; {@code biharmonic}; {@code diffusion(S)}
 * = Tr(S Sᵀ ∇²u) for a {@code double[][]} parameter; {@code drift(b)} = b·∇u for a {@code double[]}
 * parameter. Coefficients: numeric literals, parameter names (evaluated at the point, never
 * differentiated), {@code *}, {@code /}, unary {@code -} and parentheses.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LinearPDE {

  /**
   * The value of {@link #samples()} that leaves the number of random vectors to run time: the
   * estimator then takes as many as the caller passes (the rows of {@code v}, or an {@code int
   * samples} argument next to the generator).
   */
  int RUN_TIME = -1;

  /** The operator, in the operator language described above. */
  String value();

  /** The name of the generated method; default {@code <method>Operator}. */
  String name() default "";

  /** The differentiated parameters; default: the variables the operator names. */
  String[] wrt() default {};

  /** The length of an array {@code wrt} parameter, fixed at compile time. */
  int dim() default -1;

  /** {@link Mode#COLLAPSED} (default) or {@link Mode#STANDARD} plain Taylor mode. */
  Mode mode() default Mode.COLLAPSED;

  /**
   * The number of random directions of the randomized estimator; 0 (default) generates none;
   * {@link #RUN_TIME} leaves the number to the caller.
   */
  int samples() default 0;

  /** The distribution of the estimator's random directions. */
  Distribution distribution() default Distribution.GAUSSIAN;
}
