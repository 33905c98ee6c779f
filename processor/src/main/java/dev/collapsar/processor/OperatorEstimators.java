package dev.collapsar.processor;

import com.palantir.javapoet.TypeName;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.emit.DrawingDelegate;
import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.frontend.PdeRequest;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.operator.EstimatorPlan;
import dev.collapsar.processor.operator.EstimatorPlanner;
import dev.collapsar.processor.operator.OperatorError;
import dev.collapsar.processor.operator.OperatorResult;
import dev.collapsar.processor.operator.OperatorSignature;
import dev.collapsar.processor.operator.Operators;
import dev.collapsar.processor.operator.ResolvedOperator;
import dev.collapsar.processor.taylor.EstimatorSeeds;
import dev.collapsar.processor.taylor.PlanSeeds;
import dev.collapsar.processor.taylor.SeedPlan;
import dev.collapsar.processor.taylor.TaylorTransform;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The randomized estimators of a {@code @LinearPDE} operator: {@code <name>Estimate(params, double[][] v)}
 * over the S rows of v, and {@code <name>Estimate(params, RandomGenerator rng)}, which draws them.
 */
final class OperatorEstimators {
  private OperatorEstimators() {}

  static void add(PdeRequest request, OperatorSignature signature, FoldingAlgebra algebra, Optimizer optimizer,
      List<Pipeline.Emitted> emitted, List<DrawingDelegate> delegates) {
    Estimator estimator = request.estimator();
    OperatorResult<ResolvedOperator> resolved = Operators.resolve(request.operator(), signature);
    OperatorResult<EstimatorPlan> planned = resolved.isOk()
        ? EstimatorPlanner.plan(resolved.value(), estimator.gaussian()) : resolved.propagate();
    if (!planned.isOk()) {
      OperatorError error = planned.errors().get(0);
      throw new CollapsarException(error.problem(),
          error.where() == OperatorError.Where.VALUE ? request.operatorSite() : request.annotationSite());
    }
    EstimatorPlan plan = planned.value();
    Source.Function entry = request.program().entry();
    Set<String> taken = new HashSet<>();
    entry.parameters().forEach(p -> taken.add(p.name()));
    String rows = Pipeline.fresh("v", taken);
    String generator = Pipeline.fresh("rng", taken);
    SeedPlan seeds = new EstimatorSeeds(algebra, entry).seeds(plan, estimator, request.collapsed(), rows);
    JetProgram program = new TaylorTransform(algebra).estimate(request.program(), PlanSeeds.coordinates(plan.exact()),
        seeds, EstimatorSeeds.checks(estimator, rows));
    String name = request.generatedName() + "Estimate";
    String what = "An unbiased estimate of {@code " + request.operator().replace("*/", "* /") + "} applied to {@link "
        + request.sourceClass() + "#" + request.method() + "}, from " + estimator.samples() + " random vectors";
    OperatorMethod fromRows = OperatorMethod.operator(name, program, TypeName.get(double[][].class), rows,
        what + ": the rows of {@code " + rows + "}, each of length " + describe(plan) + ".\n");
    emitted.add(new Pipeline.Emitted(fromRows, optimizer.optimize(program.body(), fromRows.outputs()), program));
    delegates.add(new DrawingDelegate(name, entry.parameters(), generator, estimator.samples(), length(plan),
        estimator.gaussian(), what + " drawn from {@code " + generator + "} ("
            + (estimator.gaussian() ? "Gaussian" : "Rademacher") + ").\n"));
  }

  /** The random vectors' length as a Java expression: a constant, or the diffusion matrix's columns. */
  private static String length(EstimatorPlan plan) {
    if (plan.rowLength() >= 0) {
      return Integer.toString(plan.rowLength());
    }
    return plan.families().get(0).matrix() + "[0].length";
  }

  private static String describe(EstimatorPlan plan) {
    return plan.rowLength() >= 0 ? Integer.toString(plan.rowLength())
        : "R, the number of columns of {@code " + plan.families().get(0).matrix() + "}";
  }
}
