/**
 * Collapsar's public API: the annotations {@link dev.collapsar.Laplacian} and
 * {@link dev.collapsar.LinearPDE} that ask for generated differential operators, and the small value
 * types the generated code returns. Generated code depends on nothing else.
 */
package dev.collapsar;
