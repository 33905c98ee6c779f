package dev.collapsar.benchmarks;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Recreates a benchmark's {@link Workload} outside JMH, from the benchmark class and its
 * {@code @Param} values, so that the accuracy check and the report need no list of workloads of
 * their own: the benchmark classes are the list.
 */
public final class Workloads {
  /** Every benchmark class; a new workload adds its class here (for the accuracy table). */
  public static final List<Class<? extends OperatorBenchmark>> BENCHMARKS = List.of(AnalyticBenchmark.class,
      NetworkBenchmark.class, MlpLaplacianBenchmark.class, MlpBiharmonicBenchmark.class,
      MlpLaplacianEstimateBenchmark.class, MlpBiharmonicEstimateBenchmark.class, MlpDiffusionBenchmark.class);

  private Workloads() {}

  /** The workload {@code type} measures with parameters {@code params}, drawn from {@code seed}. */
  public static Workload create(Class<? extends OperatorBenchmark> type, Map<String, String> params, long seed) {
    try {
      OperatorBenchmark benchmark = type.getDeclaredConstructor().newInstance();
      for (Map.Entry<String, String> param : params.entrySet()) {
        set(benchmark, type.getField(param.getKey()), param.getValue());
      }
      return benchmark.createWorkload(seed);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot create the workload of " + type.getName() + " " + params, e);
    }
  }

  /** The benchmark's workload at the benchmark seed. */
  public static Workload create(Class<? extends OperatorBenchmark> type, Map<String, String> params) {
    return create(type, params, OperatorBenchmark.SEED);
  }

  /** The benchmark class named in JMH's JSON, e.g. {@code dev.collapsar.benchmarks.NetworkBenchmark}. */
  public static Class<? extends OperatorBenchmark> benchmarkClass(String className) {
    try {
      return Class.forName(className).asSubclass(OperatorBenchmark.class);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalArgumentException("not a benchmark of this module: " + className, e);
    }
  }

  /** The methods {@code type} measures (its {@code @Benchmark} methods, inherited ones included), in {@link Method} order. */
  public static List<Method> methods(Class<? extends OperatorBenchmark> type) {
    Set<String> names = new HashSet<>();
    for (java.lang.reflect.Method m : type.getMethods()) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        names.add(m.getName());
      }
    }
    return Arrays.stream(Method.values()).filter(m -> names.contains(m.benchmark())).toList();
  }

  /** Every combination of the default {@code @Param} values of {@code type} (one empty map if none). */
  public static List<Map<String, String>> parameterSets(Class<?> type) {
    List<Map<String, String>> sets = new ArrayList<>();
    sets.add(new LinkedHashMap<>());
    for (Field field : type.getFields()) {
      Param param = field.getAnnotation(Param.class);
      if (param == null) {
        continue;
      }
      List<Map<String, String>> extended = new ArrayList<>();
      for (Map<String, String> set : sets) {
        for (String value : param.value()) {
          Map<String, String> copy = new LinkedHashMap<>(set);
          copy.put(field.getName(), value);
          extended.add(copy);
        }
      }
      sets = extended;
    }
    return sets;
  }

  private static void set(Object target, Field field, String value) throws IllegalAccessException {
    Class<?> type = field.getType();
    if (type == int.class) {
      field.setInt(target, Integer.parseInt(value));
    } else if (type == long.class) {
      field.setLong(target, Long.parseLong(value));
    } else if (type == double.class) {
      field.setDouble(target, Double.parseDouble(value));
    } else if (type == String.class) {
      field.set(target, value);
    } else {
      throw new IllegalArgumentException("unsupported @Param type " + type + " of " + field);
    }
  }
}
