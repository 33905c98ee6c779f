package dev.collapsar.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The methods this module measures, in report order. {@link #benchmark()} is the name of the
 * {@code @Benchmark} method in {@link OperatorBenchmark} or a subclass, hence the name JMH writes into
 * its JSON; {@link #label()} is what tables and plots show. Each computes the operator of its
 * workload (the Laplacian, the biharmonic or an estimate), except the primal.
 */
public enum Method {
  PRIMAL("primal", "primal u(x)"),
  COLLAPSED("collapsed", "Collapsar collapsed"),
  COLLAPSED_GRADIENT("collapsedGradient", "collapsed + ∇u"),
  STANDARD("standard", "Collapsar standard"),
  COLLAPSED_REFERENCE_PLAN("collapsedReferencePlan", "collapsed, reference plan"),
  STANDARD_REFERENCE_PLAN("standardReferencePlan", "standard, reference plan"),
  HAND_WRITTEN("handWritten", "hand-written"),
  DERIVATIVE_STRUCTURE("derivativeStructure", "DerivativeStructure"),
  UNIVARIATE_PASSES("univariatePasses", "D × UnivariateDerivative2"),
  CENTRAL_DIFFERENCES("centralDifferences", "central differences");

  private final String benchmark;
  private final String label;

  Method(String benchmark, String label) {
    this.benchmark = benchmark;
    this.label = label;
  }

  /** The {@code @Benchmark} method's name. */
  public String benchmark() {
    return benchmark;
  }

  /** The display name. */
  public String label() {
    return label;
  }

  /** Whether this method computes the workload's operator (all but the primal). */
  public boolean isOperator() {
    return this != PRIMAL;
  }

  /** The method whose {@code @Benchmark} is called {@code name}, if any. */
  public static Optional<Method> byBenchmark(String name) {
    return Arrays.stream(values()).filter(m -> m.benchmark.equals(name)).findFirst();
  }
}
