package dev.collapsar.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the report says about the machine: CPU model and core count, memory, OS. Read where the report
 * runs, which is where the benchmarks ran when the commands in README.md are followed; the JDK comes
 * from JMH's JSON, which records the JVM it measured.
 */
final class Machine {
  private Machine() {}

  /** One line, e.g. {@code Intel(R) Xeon(R) … · 2 cores · 7.8 GiB · Linux 6.1 (amd64)}. */
  static String describe() {
    String cpu = cpuModel().orElse(System.getProperty("os.arch"));
    String memory = memoryGiB().map(g -> String.format(java.util.Locale.ROOT, " · %.1f GiB RAM", g)).orElse("");
    return cpu + " · " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM" + memory
        + " · " + System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " (" + System.getProperty("os.arch") + ")";
  }

  private static Optional<String> cpuModel() {
    return procField("/proc/cpuinfo", "model name");
  }

  /** MemTotal from /proc/meminfo, in GiB (the file gives kB). */
  private static Optional<Double> memoryGiB() {
    return procField("/proc/meminfo", "MemTotal")
        .map(v -> v.replace("kB", "").trim())
        .map(kb -> Double.parseDouble(kb) / (1024 * 1024));
  }

  /** The value of the first {@code key: value} line of a Linux /proc file; empty elsewhere. */
  private static Optional<String> procField(String file, String key) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(path);
      return lines.stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
