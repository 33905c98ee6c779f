package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** The report knows every benchmark method, and every workload can be recreated from its parameters. */
class MethodTest {

  @Test
  void everyBenchmarkMethodHasAMethodConstant() {
    for (Class<? extends LaplacianBenchmark> type : Workloads.BENCHMARKS) {
      for (java.lang.reflect.Method m : type.getMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          assertTrue(Method.byBenchmark(m.getName()).isPresent(), type.getSimpleName() + "." + m.getName());
        }
      }
    }
  }

  @Test
  void workloadsAreRecreatedFromTheirParameters() {
    for (Map<String, String> params : Workloads.parameterSets(NetworkBenchmark.class)) {
      Workload workload = Workloads.create(NetworkBenchmark.class, params);
      assertTrue(params.get("dim").equals(Integer.toString(workload.dimension())), params.toString());
    }
  }
}
