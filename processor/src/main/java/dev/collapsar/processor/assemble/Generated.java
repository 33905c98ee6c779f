package dev.collapsar.processor.assemble;

import dev.collapsar.processor.emit.Variant;
import dev.collapsar.processor.ir.Request;
import java.util.List;

/**
 * One method's generated operators, ready to be printed into its class's file.
 *
 * @param request the method as read
 * @param methods the methods with a body of their own (kernels and single-variant operators), optimized
 * @param variants the public methods that call one of {@code methods}
 */
public record Generated(Request request, List<Emitted> methods, List<Variant> variants) {}
