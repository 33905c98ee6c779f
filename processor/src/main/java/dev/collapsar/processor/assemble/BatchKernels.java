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
 * once per block, and C2 vectorizes across the points. A method whose jets already run on a lane
 * axis of directions or carry more than {@link PointAxis#MAX_COMPONENTS} numbers per value, whose
 * control flow depends on the point's values ({@link PointDependence}), or whose loop over the points
 * would not fit a method keeps the point-by-point batch.
 */
final class BatchKernels {
  /**
   * Points per block. Measured on a tanh network with three coordinates (widths 16 and 128, JDK 17,
   * against its point kernel): blocks of 8 points 0.74–0.94× as fast as point by point (loops of 8
   * lanes barely vectorize), of 16 1.05–1.49×, of 24 1.28–1.58×, of 32 1.32–1.67×, of 48 1.31–1.56×.
   */
  static final int POINTS = 32;

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
      return null; // directions on a lane axis: points would be a second one
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
}
