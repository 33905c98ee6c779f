package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A copy of statements with locals renamed (definitions and reads alike) and given nodes replaced
 * (e.g. a load by the local that now holds it).
 */
final class Renaming {
  private final Map<String, String> names;
  private final Map<Node, Node> replaced;
  private final NodeFactory nodes;

  Renaming(Map<String, String> names, Map<Node, Node> replaced, NodeFactory nodes) {
    this.names = names;
    this.replaced = replaced;
    this.nodes = nodes;
  }

  static List<Statement> statements(List<Statement> in, Map<String, String> names, NodeFactory nodes) {
    return new Renaming(names, Map.of(), nodes).statements(in);
  }

  List<Statement> statements(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : in) {
      out.add(statement(s));
    }
    return out;
  }

  private Statement statement(Statement s) {
    if (s instanceof Statement.Let let) {
      return new Statement.Let(names.getOrDefault(let.name(), let.name()), node(let.value()));
    }
    if (s instanceof Statement.Declare d) {
      return new Statement.Declare(names.getOrDefault(d.name(), d.name()), d.type());
    }
    if (s instanceof Statement.Set set) {
      return new Statement.Set(names.getOrDefault(set.name(), set.name()), node(set.value()));
    }
    if (s instanceof Statement.Store store) {
      return new Statement.Store(node(store.array()), node(store.index()), node(store.value()));
    }
    if (s instanceof Statement.Loop loop) {
      return new Statement.Loop(node(loop.condition()), statements(loop.body()));
    }
    if (s instanceof Statement.Branch b) {
      return new Statement.Branch(node(b.condition()), statements(b.then()), statements(b.otherwise()));
    }
    return s;
  }

  Node node(Node n) {
    Node replacement = replaced.get(n);
    if (replacement != null) {
      return replacement;
    }
    if (n instanceof Node.Ref r) {
      String name = names.get(r.name());
      return name == null ? r : nodes.ref(name, r.type());
    }
    if (!(n instanceof Node.Apply a)) {
      return n;
    }
    return Walk.mapArguments(nodes, a, a.type(), this::node);
  }
}
