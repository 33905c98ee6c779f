/**
 * The emitter: prints optimized bodies as Java with JavaPoet, one {@code <Name>Operators} class per
 * source class, splitting bodies so that no method exceeds HotSpot's JIT size limit; outlined blocks
 * become methods of their own, a layer sweep on {@code jdk.incubator.vector} a register-blocked
 * kernel ({@link dev.collapsar.processor.emit.LaneSweepWriter}); a batch variant calls its point method
 * point by point or a batch kernel block by block ({@link dev.collapsar.processor.emit.BlockedBatch}). Imports
 * {@code ir}, and from {@code opt} the shape of a direction loop it recognized
 * ({@link dev.collapsar.processor.opt.LaneLoopShape}).
 */
package dev.collapsar.processor.emit;
