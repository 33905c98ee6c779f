package dev.collapsar.processor.assemble;

import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.ir.AnnotationSites;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.operator.CoordinateResolver;
import dev.collapsar.processor.operator.EstimatorPlan;
import dev.collapsar.processor.operator.EstimatorPlanner;
import dev.collapsar.processor.operator.OperatorError;
import dev.collapsar.processor.operator.OperatorParameter;
import dev.collapsar.processor.operator.OperatorPlan;
import dev.collapsar.processor.operator.OperatorPlanner;
import dev.collapsar.processor.operator.OperatorResult;
import dev.collapsar.processor.operator.OperatorSignature;
import dev.collapsar.processor.operator.Operators;
import dev.collapsar.processor.operator.PlanOptions;
import dev.collapsar.processor.operator.ResolvedOperator;
import dev.collapsar.processor.taylor.PlanSeeds;
import java.util.List;

/**
 * The plan step of the pipeline: a method as read → its {@link MethodPlan}. The operator text is
 * parsed and resolved once; every problem it has is thrown together, each at its annotation value.
 */
public final class Planner {
  private Planner() {}

  /**
   * A {@code @Laplacian} method: its coordinates, resolved as those of the operator {@code laplacian};
   * a {@code @LinearPDE} method: its exact plan, the columns plan if better, and its estimator's plan.
   */
  public static MethodPlan plan(Request request, PlanOptions options) {
    if (request.annotation() == Request.Annotation.LAPLACIAN) {
      CoordinateResolver.Coordinates c = orThrow(Operators.coordinates(request.operator(), signature(request, true)),
          request.sites());
      return new MethodPlan.Laplacian(request, c.all(), c.runTimeArray());
    }
    ResolvedOperator resolved = orThrow(Operators.resolve(request.operator(), signature(request, false)),
        request.sites());
    OperatorPlan exact = OperatorPlanner.plan(resolved, options);
    EstimatorPlan columns = DiffusionColumns.plan(resolved);
    EstimatorPlan estimator = request.estimator() == null ? null
        : orThrow(EstimatorPlanner.plan(resolved, request.estimator().gaussian()), request.sites());
    return new MethodPlan.Operator(request, PlanSeeds.coordinates(exact), exact, columns, estimator);
  }

  /**
   * The operator stage's view of the method: its parameters' kinds, {@code wrt} and {@code dim}, and
   * whether a lone array without {@code dim} has its length read at run time.
   */
  private static OperatorSignature signature(Request request, boolean runTimeLength) {
    return new OperatorSignature(parameters(request.program().entry()), request.wrt(), request.dim(), runTimeLength);
  }

  private static <T> T orThrow(OperatorResult<T> result, AnnotationSites sites) {
    if (!result.isOk()) {
      throw CollapsarException.all(result.errors().stream()
          .map(e -> new CollapsarException(e.problem(), site(e, sites))).toList());
    }
    return result.value();
  }

  private static Object site(OperatorError error, AnnotationSites sites) {
    return switch (error.where()) {
      case VALUE -> sites.value();
      case WRT -> sites.wrt();
      case DIM -> sites.dim();
      case ANNOTATION -> sites.annotation();
    };
  }

  private static List<OperatorParameter> parameters(Source.Function entry) {
    return entry.parameters().stream().map(p -> new OperatorParameter(p.name(), p.type())).toList();
  }
}
