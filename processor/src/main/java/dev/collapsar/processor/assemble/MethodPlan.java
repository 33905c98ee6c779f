package dev.collapsar.processor.assemble;

import dev.collapsar.processor.ir.PdeRequest;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.operator.EstimatorPlan;
import dev.collapsar.processor.operator.OperatorPlan;

/**
 * One annotated method with everything its variants are built from, worked out once: the operator
 * text is parsed and resolved a single time, however many public methods and kernels come of it.
 */
public sealed interface MethodPlan {
  /** The method as read, with its coordinates. */
  Request request();

  /** A {@code @Laplacian} method: the coordinates (or run-time array) and estimator are in the request. */
  record Laplacian(Request request) implements MethodPlan {}

  /**
   * A {@code @LinearPDE} method.
   *
   * @param pde the method as read, with the operator text and its sites
   * @param request the common part, with the coordinates the operator stage resolved
   * @param exact the direction plan of the exact operator
   * @param columns the plan along the columns of S when the operator is c·{@code diffusion(S)} plus
   *     lower-order terms and that is cheaper than polarization ({@link DiffusionColumns}), else null
   * @param estimator the randomized plan when the annotation asks for an estimator, else null
   */
  record Operator(PdeRequest pde, Request request, OperatorPlan exact, EstimatorPlan columns, EstimatorPlan estimator)
      implements MethodPlan {}
}
