/**
 * The intermediate representations shared by all stages: the source subset as the frontend read it
 * ({@link dev.collapsar.processor.ir.Source}), the interned value graph
 * ({@link dev.collapsar.processor.ir.Node}) and the statements of generated bodies
 * ({@link dev.collapsar.processor.ir.Statement}), the lane axis of a rolled jet group
 * ({@link dev.collapsar.processor.ir.Lanes}: nodes with a value per direction), the choices that shape loops
 * ({@link dev.collapsar.processor.ir.LaneStyle}, {@link dev.collapsar.processor.ir.SweepStyle}) and the
 * one rule for fresh names ({@link dev.collapsar.processor.ir.FreshName}). Imports no other stage.
 */
package dev.collapsar.processor.ir;
