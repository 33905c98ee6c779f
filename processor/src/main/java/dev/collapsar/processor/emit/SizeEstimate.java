package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Statement;
import java.util.List;

/**
 * A conservative estimate of the bytecode javac emits for generated statements, so that bodies can
 * be split before any method reaches HotSpot's 8000-byte JIT limit. Each count is at least what
 * javac emits (e.g. a local load is 2 bytes, 4 with a wide index; a double constant 3).
 */
public final class SizeEstimate {
  private static final int LOCAL = 4;
  private static final int CONSTANT = 3;
  private static final int CALL = 3;
  private static final int COMPARISON = 10;
  private static final int SELECT = 8;
  private static final int BRANCH = 8;
  /**
   * Loading a local from a part's workspace or storing it back: {@code aload}, {@code sipush},
   * {@code daload}/{@code dastore} and a wide {@code dstore}/{@code dload}.
   */
  private static final int HAND_OFF = 10;

  /**
   * The estimate above which one statement cannot be placed in any method: the estimate is at least
   * what javac emits, and a part needs some room for loading its inputs, so this leaves 500 bytes of
   * HotSpot's 8000. (Rolling below it would only slow the code down: direction loops are slower on C2.)
   */
  static final int UNSPLITTABLE = 7500;

  private SizeEstimate() {}

  /**
   * Whether a single statement (a loop or a branch, which the splitter keeps whole) is larger than a
   * part method may be: such a body is computed on a lane axis (its directions as loops) instead.
   */
  public static boolean hasUnsplittable(List<Statement> statements) {
    for (Statement s : statements) {
      if (inPart(List.of(s)) > UNSPLITTABLE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The estimate of {@code statements} as (part of) a part method: with a load for every local they
   * read and a store for every local they define or update, since each may come from or go to
   * another part.
   */
  static int inPart(List<Statement> statements) {
    java.util.Set<String> inside = new java.util.HashSet<>();
    Statement.declared(statements, inside);
    java.util.Set<String> handedOn = new java.util.HashSet<>(Names.read(statements));
    handedOn.addAll(Names.assigned(statements));
    handedOn.removeAll(inside); // a loop's own temporaries never leave it
    return of(statements) + HAND_OFF * (handedOn.size() + Names.defined(statements).size());
  }

  static int of(List<Statement> statements) {
    int size = 0;
    for (Statement s : statements) {
      size += of(s);
    }
    return size;
  }

  static int of(Statement s) {
    if (s instanceof Statement.Let let) {
      return LOCAL + of(let.value());
    }
    if (s instanceof Statement.Set set) {
      return LOCAL + of(set.value());
    }
    if (s instanceof Statement.Branch b) {
      return BRANCH + of(b.condition()) + of(b.then()) + of(b.otherwise());
    }
    if (s instanceof Statement.Store st) {
      return 2 + of(st.array()) + of(st.index()) + of(st.value());
    }
    if (s instanceof Statement.Loop l) {
      return BRANCH + of(l.condition()) + of(l.body());
    }
    if (s instanceof Statement.Outlined call) {
      return 4 + 2 * call.arguments().size(); // an invokestatic and the argument loads
    }
    if (s instanceof Statement.LaneSweep sweep) {
      // up to six copies of the index loop (blocks of several widths, the tail, the scalar rows), each
      // its step and per row and vector a load, a store and an fma with its broadcast (measured: 5.9 kB
      // for four rows of 50 lanes)
      int terms = sweep.rows().stream().mapToInt(r -> r.terms().size()).sum();
      return 6 * (of(sweep.step()) + 40 * sweep.rows().size() + 60 * terms);
    }
    if (s instanceof Statement.CheckLength) {
      return 40;
    }
    if (s instanceof Statement.CheckRows) {
      return 80;
    }
    return 0;
  }

  static int of(Node n) {
    if (n instanceof Node.Const) {
      return CONSTANT;
    }
    if (n instanceof Node.Ref) {
      return LOCAL;
    }
    Node.Apply a = (Node.Apply) n;
    int size = 0;
    for (int i = 0; i < a.arity(); i++) {
      size += of(a.argument(i));
    }
    if (a.operator() instanceof MathFn) {
      return size + CALL;
    }
    if (a.operator() instanceof Op op && (op.isComparison() || op.isLogical())) {
      return size + COMPARISON;
    }
    return size + (a.operator() instanceof Op ? 1 : SELECT);
  }
}
