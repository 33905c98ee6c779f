package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes statements whose locals no output needs, by a backward liveness pass over the structured
 * body; then removes comments left with nothing to describe. Every value is pure, so anything
 * unused can go: a Laplacian-only method does not compute the gradient it does not return.
 */
final class DeadCode {
  private DeadCode() {}

  static List<Statement> remove(List<Statement> body, List<Node> outputs) {
    Set<String> live = new HashSet<>();
    outputs.forEach(o -> reads(o, live));
    return dropOrphanComments(backward(body, live, new HashSet<>()));
  }

  /**
   * @param live locals read after the current point
   * @param assigned mutable locals with a kept assignment (their declarations must stay)
   */
  private static List<Statement> backward(List<Statement> statements, Set<String> live, Set<String> assigned) {
    List<Statement> kept = new ArrayList<>();
    for (int i = statements.size() - 1; i >= 0; i--) {
      Statement s = statements.get(i);
      if (s instanceof Statement.Let let) {
        if (live.remove(let.name())) {
          reads(let.value(), live);
          kept.add(let);
        }
      } else if (s instanceof Statement.Set set) {
        if (live.contains(set.name())) {
          live.remove(set.name());
          assigned.add(set.name());
          reads(set.value(), live);
          kept.add(set);
        }
      } else if (s instanceof Statement.Declare declare) {
        if (live.remove(declare.name()) | assigned.contains(declare.name())) {
          kept.add(declare);
        }
      } else if (s instanceof Statement.Branch branch) {
        Statement b = branch(branch, live, assigned);
        if (b != null) {
          kept.add(b);
        }
      } else if (s instanceof Statement.Loop loop) {
        kept.add(loop(loop, live, assigned));
      } else if (s instanceof Statement.Store store) {
        // a store changes an array that later reads (other nodes) may see: always kept
        reads(store.array(), live);
        reads(store.index(), live);
        reads(store.value(), live);
        kept.add(store);
      } else {
        kept.add(s);
      }
    }
    Collections.reverse(kept);
    return kept;
  }

  /** Both branches see the same live set after the if; before it, the union of what each reads. */
  private static Statement branch(Statement.Branch branch, Set<String> live, Set<String> assigned) {
    Set<String> thenLive = new HashSet<>(live);
    Set<String> elseLive = new HashSet<>(live);
    List<Statement> then = backward(branch.then(), thenLive, assigned);
    List<Statement> otherwise = backward(branch.otherwise(), elseLive, assigned);
    live.addAll(thenLive);
    live.addAll(elseLive);
    if (hasCode(then) || hasCode(otherwise)) {
      reads(branch.condition(), live);
      return new Statement.Branch(branch.condition(), then, otherwise);
    }
    return null;
  }

  /**
   * A loop's body may read, in the next iteration, what it sets at the end of this one: what is live
   * at the top of the loop is what is live after it, what the condition reads and what the body needs
   * live at its start, to a fixed point. So a carried local that only its own update reads (a sum
   * whose value no output needs, such as a network's value in a Laplacian-only kernel) is dropped with
   * its update.
   */
  private static Statement loop(Statement.Loop loop, Set<String> live, Set<String> assigned) {
    Set<String> head = new HashSet<>(live);
    reads(loop.condition(), head);
    while (true) {
      Set<String> start = new HashSet<>(head);
      backward(loop.body(), start, new HashSet<>(assigned));
      start.addAll(live);
      reads(loop.condition(), start);
      if (start.equals(head)) {
        break;
      }
      head = start;
    }
    List<Statement> body = backward(loop.body(), new HashSet<>(head), assigned);
    live.addAll(head);
    return new Statement.Loop(loop.condition(), body);
  }

  private static boolean hasCode(List<Statement> statements) {
    // (a store is code: it is never dropped)
    return statements.stream().anyMatch(s -> !(s instanceof Statement.Comment));
  }

  private static void reads(Node n, Set<String> live) {
    if (n instanceof Node.Ref ref) {
      live.add(ref.name());
    } else if (n instanceof Node.Apply apply) {
      for (int i = 0; i < apply.arity(); i++) {
        reads(apply.argument(i), live);
      }
    }
  }

  /** A comment stays only if a statement other than a comment follows it before the next comment. */
  private static List<Statement> dropOrphanComments(List<Statement> statements) {
    List<Statement> result = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (s instanceof Statement.Branch b) {
        result.add(new Statement.Branch(b.condition(), dropOrphanComments(b.then()), dropOrphanComments(b.otherwise())));
      } else if (s instanceof Statement.Loop l) {
        result.add(new Statement.Loop(l.condition(), dropOrphanComments(l.body())));
      } else if (!(s instanceof Statement.Comment) || describesSomething(statements, i)) {
        result.add(s);
      }
    }
    return result;
  }

  private static boolean describesSomething(List<Statement> statements, int comment) {
    int next = comment + 1;
    return next < statements.size() && !(statements.get(next) instanceof Statement.Comment);
  }
}
