/**
 * The Collapsar annotation processor. {@link dev.collapsar.processor.CollapsarProcessor} is the
 * entry; each stage of the pipeline is a subpackage: {@code frontend} (javac trees to IR),
 * {@code operator} (operator text to direction plans), {@code taylor} (IR to jets), {@code opt}
 * (folding, CSE, dead code), {@code emit} (JavaPoet), with {@code ir} and {@code diag} shared.
 */
package dev.collapsar.processor;
