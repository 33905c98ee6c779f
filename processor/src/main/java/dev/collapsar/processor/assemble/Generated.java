package dev.collapsar.processor.assemble;

import dev.collapsar.processor.emit.DrawingDelegate;
import dev.collapsar.processor.emit.LaneWrapper;
import dev.collapsar.processor.ir.Request;
import java.util.List;

/**
 * One method's generated operators, ready to be printed into its class's file.
 *
 * @param request the method, with its coordinates
 * @param methods the methods with a body of their own, optimized
 * @param delegates estimators that draw their directions and call a method of {@code methods}
 * @param wrappers public methods that loop over blocks of directions, calling a kernel of {@code methods}
 */
public record Generated(Request request, List<Emitted> methods, List<DrawingDelegate> delegates,
    List<LaneWrapper> wrappers) {
  Generated(Request request, List<Emitted> methods) {
    this(request, methods, List.of(), List.of());
  }
}
