package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** The report knows every benchmark method, and every workload can be recreated from its parameters. */
class MethodTest {

  @Test
  void everyBenchmarkMethodHasAMethodConstant() {
    for (Class<? extends OperatorBenchmark> type : Workloads.BENCHMARKS) {
      for (java.lang.reflect.Method m : type.getMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          assertTrue(Method.byBenchmark(m.getName()).isPresent(), type.getSimpleName() + "." + m.getName());
        }
      }
      assertTrue(Workloads.methods(type).containsAll(java.util.List.of(Method.COLLAPSED, Method.STANDARD)));
    }
  }

  @Test
  void workloadsAreRecreatedFromTheirParameters() {
    for (Class<? extends OperatorBenchmark> type : Workloads.BENCHMARKS) {
      for (Map<String, String> params : Workloads.parameterSets(type)) {
        params.replace("network", "narrow");
        Workload workload = Workloads.create(type, params);
        if (params.containsKey("dim")) {
          assertEquals(params.get("dim"), Integer.toString(workload.dimension()), params.toString());
        }
        assertEquals(params.getOrDefault("samples", "0"), Integer.toString(workload.samples()), params.toString());
      }
    }
  }
}
