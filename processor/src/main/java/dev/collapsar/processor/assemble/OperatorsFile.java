package dev.collapsar.processor.assemble;

import dev.collapsar.processor.emit.OperatorsClass;
import dev.collapsar.processor.ir.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The emit step for a whole class: the {@code <Class>Operators} file of its methods' operators. */
public final class OperatorsFile {
  private OperatorsFile() {}

  /** The generated class's qualified name. */
  public static String qualifiedName(Generated any) {
    Request r = any.request();
    return r.packageName().isEmpty() ? r.operatorsClass() : r.packageName() + "." + r.operatorsClass();
  }

  /** A generated method signature that {@code next} shares with an earlier method, or null. */
  public static String clash(List<Generated> earlier, Generated next) {
    Set<String> taken = new HashSet<>();
    earlier.forEach(g -> taken.addAll(signatures(g)));
    return signatures(next).stream().filter(taken::contains).findFirst().orElse(null);
  }

  private static List<String> signatures(Generated g) {
    List<String> keys = new ArrayList<>();
    g.methods().forEach(e -> keys.add(e.method().signatureKey()));
    g.variants().forEach(v -> keys.add(v.signatureKey()));
    return keys;
  }

  /** The Java source of the class holding {@code generated}, marked as written by {@code processor}. */
  public static String source(List<Generated> generated, String processor) {
    Request first = generated.get(0).request();
    OperatorsClass type = new OperatorsClass(first.packageName(), first.operatorsClass(), first.sourceClass(),
        first.publicClass(), processor);
    for (Generated g : generated) {
      for (Emitted e : g.methods()) {
        type.add(e.method(), e.program().preconditions(), e.optimized().body(), e.optimized().outputs());
      }
      g.variants().forEach(type::add);
    }
    return type.build().toString();
  }
}
