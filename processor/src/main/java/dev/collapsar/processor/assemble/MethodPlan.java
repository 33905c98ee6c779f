package dev.collapsar.processor.assemble;

import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.operator.EstimatorPlan;
import dev.collapsar.processor.operator.OperatorPlan;
import java.util.List;

/**
 * One annotated method with everything its variants are built from, worked out once: the operator
 * text is parsed and resolved a single time, however many public methods and kernels come of it.
 */
public sealed interface MethodPlan {
  /** The method as read. */
  Request request();

  /** The differentiated coordinates, in order (empty when their number is known only at run time). */
  List<Coordinate> coordinates();

  /**
   * A {@code @Laplacian} method.
   *
   * @param runTimeArray the {@code double[]} coordinates whose length is read at run time, or null
   */
  record Laplacian(Request request, List<Coordinate> coordinates, String runTimeArray) implements MethodPlan {}

  /**
   * A {@code @LinearPDE} method.
   *
   * @param exact the direction plan of the exact operator
   * @param columns the plan along the columns of S when the operator is c·{@code diffusion(S)} plus
   *     lower-order terms and that is cheaper than polarization ({@link DiffusionColumns}), else null
   * @param estimator the randomized plan when the annotation asks for an estimator, else null
   */
  record Operator(Request request, List<Coordinate> coordinates, OperatorPlan exact, EstimatorPlan columns,
      EstimatorPlan estimator) implements MethodPlan {}
}
