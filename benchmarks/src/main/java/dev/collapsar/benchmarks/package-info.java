/**
 * JMH benchmarks of Collapsar's generated operators against what a Java user would use otherwise
 * (Hipparchus {@code DerivativeStructure}, univariate passes of {@code UnivariateDerivative2}, central
 * finite differences, a hand-written formula), their accuracy against an independent oracle, and the
 * report that turns JMH's JSON into tables and plots.
 *
 * <p>Layout: a {@link dev.collapsar.benchmarks.Workload} is one function at one point with all its
 * methods for one operator (the Laplacian, the biharmonic, or a randomized estimate of either):
 * {@link dev.collapsar.benchmarks.AnalyticWorkload}, {@link dev.collapsar.benchmarks.NetworkWorkload}
 * and, on the reference network {@link dev.collapsar.benchmarks.Mlp},
 * {@link dev.collapsar.benchmarks.MlpWorkload}. {@link dev.collapsar.benchmarks.OperatorBenchmark}
 * measures a workload, and a subclass per workload chooses it and declares the methods that apply.
 * Adding a workload is one {@code Workload} and one subclass; the report picks it up from the JSON
 * by its name.
 */
package dev.collapsar.benchmarks;
