/**
 * The assembly stage: what runs the other stages for one method. {@link
 * dev.collapsar.processor.assemble.Planner} turns a method as read into its {@link
 * dev.collapsar.processor.assemble.MethodPlan} once (the operator text is parsed a single time);
 * {@link dev.collapsar.processor.assemble.Assembler} then builds each generated method of the plan —
 * transform ({@code taylor}), optimize ({@code opt}), the method to emit ({@code emit}), and where a
 * batch of points can run in blocks its batch kernel ({@link dev.collapsar.processor.assemble.BatchKernels}) — and
 * {@link dev.collapsar.processor.assemble.OperatorsFile} prints a class's methods as one file.
 * Imports {@code operator}, {@code taylor}, {@code opt}, {@code emit}, {@code ir} and {@code diag};
 * never {@code frontend}, so javac types cannot reach it.
 */
package dev.collapsar.processor.assemble;
