/**
 * The emitter: prints optimized bodies as Java with JavaPoet, one {@code <Name>Operators} class per
 * source class, splitting bodies so that no method exceeds HotSpot's JIT size limit. Imports
 * {@code ir} only.
 */
package dev.collapsar.processor.emit;
