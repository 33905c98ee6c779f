package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which locals statements define (at their own level) and read (at any depth). */
final class Names {
  private Names() {}

  /** Locals a statement list makes visible to what follows it, with their types, in order. */
  static Map<String, Type> defined(List<Statement> statements) {
    Map<String, Type> defined = new LinkedHashMap<>();
    for (Statement s : statements) {
      if (s instanceof Statement.Let let) {
        defined.put(let.name(), let.value().type());
      } else if (s instanceof Statement.Declare declare) {
        defined.put(declare.name(), declare.type());
      }
    }
    return defined;
  }

  /**
   * Locals that {@code statements} assign with {@link Statement.Set}, at any depth: a loop or branch
   * may update a local declared before it, and whoever keeps that local must see the new value.
   */
  static Set<String> assigned(List<Statement> statements) {
    Set<String> assigned = new LinkedHashSet<>();
    for (Statement s : statements) {
      if (s instanceof Statement.Set set) {
        assigned.add(set.name());
      } else if (s instanceof Statement.Branch branch) {
        assigned.addAll(assigned(branch.then()));
        assigned.addAll(assigned(branch.otherwise()));
      } else if (s instanceof Statement.Loop loop) {
        assigned.addAll(assigned(loop.body()));
      }
    }
    return assigned;
  }

  static Set<String> read(List<Statement> statements) {
    Set<String> read = new LinkedHashSet<>();
    for (Statement s : statements) {
      if (s instanceof Statement.Let let) {
        read(let.value(), read);
      } else if (s instanceof Statement.Set set) {
        read(set.value(), read);
      } else if (s instanceof Statement.Branch branch) {
        read(branch.condition(), read);
        read.addAll(read(branch.then()));
        read.addAll(read(branch.otherwise()));
      } else if (s instanceof Statement.Loop loop) {
        read(loop.condition(), read);
        read.addAll(read(loop.body()));
      } else if (s instanceof Statement.Store store) {
        read(store.array(), read);
        read(store.index(), read);
        read(store.value(), read);
      } else if (s instanceof Statement.Outlined call) {
        call.arguments().forEach(argument -> read(argument, read));
      } else if (s instanceof Statement.LaneSweep sweep) {
        read(sweep.start(), read);
        read(sweep.bound(), read);
        read.addAll(read(sweep.step()));
        sweep.rows().forEach(row -> {
          read(row.target(), read);
          row.terms().forEach(term -> {
            read(term.coefficient(), read);
            read(term.source(), read);
          });
        });
        read.addAll(read(sweep.scalars()));
        sweep.carried().forEach(c -> read(c, read));
        if (sweep.carry() != null) {
          read(sweep.carry(), read);
        }
      }
    }
    return read;
  }

  static void read(Node n, Set<String> read) {
    n.readNames(read);
  }
}
