package dev.collapsar.processor.ir;

/** What a {@link Node.Apply} applies: an arithmetic/logical {@link Op}, a {@link MathFn}, or a {@link Special}. */
public sealed interface Operator permits Op, MathFn, Special {}
