/**
 * The intermediate representations shared by all stages: the source subset as the frontend read it
 * ({@link dev.collapsar.processor.ir.Source}), the interned value graph
 * ({@link dev.collapsar.processor.ir.Node}) and the statements of generated bodies
 * ({@link dev.collapsar.processor.ir.Statement}). Imports no other stage.
 */
package dev.collapsar.processor.ir;
