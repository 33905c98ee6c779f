/**
 * The Collapsar annotation processor. This package holds only the entry class,
 * {@link dev.collapsar.processor.CollapsarProcessor}, which reads as the pipeline; each stage is a
 * subpackage, and imports point one way:
 * <ul>
 *   <li>{@code frontend}: javac trees to the IR (the only package that sees javac types);</li>
 *   <li>{@code assemble}: plans a method once and builds each generated method from the stages below;</li>
 *   <li>{@code operator}: the text of {@code @LinearPDE} to direction plans;</li>
 *   <li>{@code taylor}: the IR to jets; {@code opt}: folding, CSE, dead code, direction loops;
 *       {@code emit}: JavaPoet;</li>
 *   <li>{@code ir} and {@code diag}, shared, importing no other stage.</li>
 * </ul>
 * {@code PackageDependenciesTest} enforces these rules.
 */
package dev.collapsar.processor;
