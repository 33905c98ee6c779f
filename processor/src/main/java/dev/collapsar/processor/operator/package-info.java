/**
 * The operator stage: the text of {@code @LinearPDE} to a direction plan (DESIGN §1, §4).
 *
 * <p>Three steps, each usable and testable on its own, none touching javac:
 * <ol>
 *   <li>{@link dev.collapsar.processor.operator.OperatorParser} reads the text into an
 *       {@link dev.collapsar.processor.operator.OperatorSyntax} tree and checks that it is linear;</li>
 *   <li>{@link dev.collapsar.processor.operator.OperatorResolver} names the coordinates (from
 *       {@code wrt}, {@code dim} and the variables used) and checks every name against the method's
 *       parameters, giving a {@link dev.collapsar.processor.operator.ResolvedOperator};</li>
 *   <li>{@link dev.collapsar.processor.operator.OperatorPlanner} turns it into an
 *       {@link dev.collapsar.processor.operator.OperatorPlan}: a zero-order coefficient, first-order
 *       terms, and per derivative order a group of weighted directions whose pure directional
 *       derivatives sum to the operator exactly.</li>
 * </ol>
 * {@link dev.collapsar.processor.operator.Operators} chains the three. Problems come back as
 * {@link dev.collapsar.processor.operator.OperatorError}s carrying a column into the operator text;
 * messages are worded in {@link dev.collapsar.processor.diag.OperatorMessages}. Depends only on
 * {@code diag}, {@code ir} (coordinates) and Hipparchus (exact fractions, symmetric eigen-decomposition).
 */
package dev.collapsar.processor.operator;
