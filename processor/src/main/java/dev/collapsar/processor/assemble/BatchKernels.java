package dev.collapsar.processor.assemble;

import com.palantir.javapoet.ParameterSpec;
import dev.collapsar.processor.emit.BatchCall;
import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.emit.SizeEstimate;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.opt.PointLift;
import dev.collapsar.processor.taylor.PointAxis;
import dev.collapsar.processor.taylor.PointDependence;
import dev.collapsar.processor.taylor.TaylorTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The batch kernel of a point operator, when it can have one: the same computation for a block of
 * {@link #POINTS} points at once, the points a lane axis ({@link PointAxis}), so that every value
 * that does not depend on the point (a network's weights, its loop counters) is read and computed
 * once per block, and C2 vectorizes across the points. A method whose jets run on a lane axis of
 * directions gets its point kernel lifted to blocks of {@link #ROLLED_POINTS} points instead
 * ({@link Optimizer#optimizeBatch}: rows of R·B lanes, one sweep per layer over all of them). A method
 * whose unrolled jets carry more than {@link PointAxis#MAX_COMPONENTS} numbers per value, whose control
 * flow depends on the point's values ({@link PointDependence}; in a lifted kernel also a {@code ?:} on
 * them), or whose loop over the points would not fit a method keeps the point-by-point batch.
 */
final class BatchKernels {
  /**
   * Points per block. Measured on a tanh network with three coordinates (widths 16 and 128, JDK 17,
   * against its point kernel): blocks of 8 points 0.74–0.94× as fast as point by point (loops of 8
   * lanes barely vectorize), of 16 1.05–1.49×, of 24 1.28–1.58×, of 32 1.32–1.67×, of 48 1.31–1.56×.
   */
  static final int POINTS = 32;

  /**
   * Points per block of a kernel whose jets run on a lane axis of directions (rows of R·B lanes).
   * Measured on the reference network (D = 50, N = 64 points per call, the point method N times against
   * the batch in turn, JDK 17, one window): generated, B = 8 1.28–1.54×, B = 16 1.08–1.52×; written by
   * hand first, B = 4 1.06–1.27×, 8 1.48×, 16 1.34–1.48×.
   */
  static final int ROLLED_POINTS = 8;

  private BatchKernels() {}

  /**
   * Adds the batch kernel {@code <point>BatchKernel} of the point operator {@code point(params,
   * extra)} to {@code emitted} and how to call it to {@code blocks} ({@link #key}), or nothing.
   *
   * @param program the point operator's jet program (on a lane axis of directions: no batch kernel)
   * @param extra the point operator's parameters after the user's (an estimator's directions)
   * @param transform the point operator's transform, run by the given batch transform and its algebra
   */
  static void add(String point, JetProgram program, List<ParameterSpec> extra, Request request,
      List<Coordinate> coordinates, Options options, BiFunction<TaylorTransform, FoldingAlgebra, JetProgram> transform,
      List<Emitted> emitted, Map<String, BatchCall.Block> blocks) {
    BatchCall.Block block = block(point, program, extra, request, coordinates, options, transform, emitted);
    if (block != null) {
      List<String> parameters = new ArrayList<>();
      request.program().entry().parameters().forEach(p -> parameters.add(p.name()));
      extra.forEach(p -> parameters.add(p.name()));
      blocks.put(key(point, parameters), block);
    }
  }

  /**
   * Which point method a batch kernel serves: its name and parameter names ({@code uLaplacianEstimate}
   * over given rows has one, the one that draws them does not: each of its points draws its own).
   */
  static String key(String point, List<String> parameters) {
    return point + parameters;
  }

  private static BatchCall.Block block(String point, JetProgram program, List<ParameterSpec> extra, Request request,
      List<Coordinate> coordinates, Options options, BiFunction<TaylorTransform, FoldingAlgebra, JetProgram> transform,
      List<Emitted> emitted) {
    if (!program.laneLocals().isEmpty()) {
      return rolled(point, extra, request, coordinates, options, transform, emitted);
    }
    FreshNames names = new FreshNames(request.program().entry());
    extra.forEach(p -> names.take(p.name()));
    PointAxis axis = new PointAxis(POINTS, names.fresh("points"), names.fresh("out"));
    NodeFactory nodes = new NodeFactory(); // its own: the point kernel's text must not depend on it
    FoldingAlgebra algebra = new FoldingAlgebra(nodes);
    Optimizer optimizer = Assembler.optimizer(nodes, options);
    JetProgram batch;
    try {
      batch = transform.apply(new TaylorTransform(algebra, options.lanes()).withPoints(axis), algebra);
    } catch (RuntimeException e) {
      return null; // a form the point axis does not carry yet: the point method serves the batch
    }
    if (batch == null || PointDependence.of(batch) != null) {
      return null;
    }
    String kernel = point + "BatchKernel";
    Emitted method = Emitted.of(OperatorMethod.batchKernel(kernel, batch, extra, axis.matrix(), axis.out(),
        "{@code " + point + "} at " + POINTS + " points at once: coordinate c of point p in {@code " + axis.matrix()
            + "[c][p]}, the result into {@code " + axis.out() + "[p]}.\n"), batch, optimizer);
    if (SizeEstimate.hasUnsplittable(method.optimized().body())) {
      return null; // a loop over the points too large for any method (the point kernel is straight-line, split)
    }
    emitted.add(method);
    return new BatchCall.Block(kernel, POINTS, coordinates);
  }

  /**
   * The batch kernel of a point kernel whose jets run on a lane axis of directions: the point
   * kernel's loops lifted to blocks of {@link #ROLLED_POINTS} points, innermost ({@code opt.PointLift}).
   */
  private static BatchCall.Block rolled(String point, List<ParameterSpec> extra, Request request,
      List<Coordinate> coordinates, Options options, BiFunction<TaylorTransform, FoldingAlgebra, JetProgram> transform,
      List<Emitted> emitted) {
    FreshNames names = new FreshNames(request.program().entry());
    extra.forEach(p -> names.take(p.name()));
    PointLift.Axis axis = axis(names.fresh("points"), names.fresh("out"), coordinates);
    if (axis == null) {
      return null;
    }
    NodeFactory nodes = new NodeFactory();
    FoldingAlgebra algebra = new FoldingAlgebra(nodes);
    Optimizer optimizer = Assembler.optimizer(nodes, options);
    JetProgram program;
    try {
      program = transform.apply(new TaylorTransform(algebra, options.lanes()), algebra);
    } catch (RuntimeException e) {
      return null;
    }
    if (program == null || program.laneLocals().isEmpty()) {
      return null;
    }
    JetProgram body = new JetProgram(program.parameters(), List.of(), program.body(), program.value(),
        program.gradient(), program.operator(), program.laneLocals(), program.rows());
    String kernel = point + "BatchKernel";
    OperatorMethod method = OperatorMethod.batchKernel(kernel, body, extra, axis.matrix(), axis.out(),
        "{@code " + point + "} at " + ROLLED_POINTS + " points at once: coordinate c of point p in {@code "
            + axis.matrix() + "[c][p]}, the result into {@code " + axis.out() + "[p]}; direction d of point p of a "
            + "row at d·" + ROLLED_POINTS + " + p.\n");
    Optimizer.Result optimized;
    try {
      optimized = optimizer.optimizeBatch(body, axis, method.parameterNames());
    } catch (RuntimeException e) {
      return null; // a shape the lift does not carry yet: the point method serves the batch
    }
    if (optimized == null || SizeEstimate.hasUnsplittable(optimized.body())) {
      return null;
    }
    emitted.add(new Emitted(method, optimized, body));
    return new BatchCall.Block(kernel, ROLLED_POINTS, coordinates);
  }

  /** Where each coordinate's row of the block is: an array's elements in order from one row. */
  private static PointLift.Axis axis(String matrix, String out, List<Coordinate> coordinates) {
    Map<String, Integer> arrays = new java.util.HashMap<>();
    Map<String, Integer> scalars = new java.util.HashMap<>();
    for (int c = 0; c < coordinates.size(); c++) {
      Coordinate coordinate = coordinates.get(c);
      if (!coordinate.isElement()) {
        scalars.put(coordinate.parameter(), c);
      } else if (arrays.getOrDefault(coordinate.parameter(), c - coordinate.index()) != c - coordinate.index()) {
        return null;
      } else {
        arrays.put(coordinate.parameter(), c - coordinate.index());
      }
    }
    return new PointLift.Axis(ROLLED_POINTS, matrix, out, arrays, scalars);
  }
}
