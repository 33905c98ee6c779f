/**
 * JMH benchmarks of Collapsar's generated Laplacians against what a Java user would use otherwise
 * (Hipparchus {@code DerivativeStructure}, D passes of {@code UnivariateDerivative2}, central finite
 * differences, a hand-written formula), their accuracy against an oracle, and the report that turns
 * JMH's JSON into tables and plots.
 *
 * <p>Layout: a {@link dev.collapsar.benchmarks.Workload} is one function at one point with all its
 * Laplacian methods ({@link dev.collapsar.benchmarks.AnalyticWorkload},
 * {@link dev.collapsar.benchmarks.NetworkWorkload}); {@link dev.collapsar.benchmarks.LaplacianBenchmark}
 * measures every method of a workload, and a subclass per workload chooses it. Adding a workload is
 * one {@code Workload} and one subclass; the report picks it up from the JSON by its name.
 */
package dev.collapsar.benchmarks;
