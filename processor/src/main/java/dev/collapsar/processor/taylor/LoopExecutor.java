package dev.collapsar.processor.taylor;

import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code for} loops: unrolled when the trip count is a compile-time constant of at most
 * {@link #UNROLL_LIMIT} (structural zeros then fold) and, inside a run-time loop or a branch, when the
 * unrolled statements stay within {@link #UNROLL_BUDGET_IN_LOOP}; kept as {@code while} loops otherwise, with
 * the loop-carried components found by a small fixpoint over trial runs of the body
 * ({@link LoopCarrier}).
 */
final class LoopExecutor {
  static final int MAX_UNROLLED_ITERATIONS = 20_000;
  /** A constant loop with more trips than this stays a loop (unrolling it would only bloat the code). */
  static final int UNROLL_LIMIT = 256;
  /**
   * Inside a run-time loop or a branch, a constant loop whose unrolled statements (per direction: a
   * statement on a lane axis counts once per lane it writes) pass this many stays a loop: the emitter cannot cut a loop body or a branch into
   * methods, and unrolled it would pass HotSpot's 8000-byte limit, or javac's 64 KB (fuzz seed 272150: a
   * 20×20 layer inside a run-time loop came to 55 KB; seed 279626: a 40-element loop over 40 directions
   * inside an {@code if}). A small constant loop still unrolls, keeping its structural zeros.
   */
  static final int UNROLL_BUDGET_IN_LOOP = 400;

  private final StatementExecutor executor;
  private final ExpressionEvaluator expressions;
  private final Binder binder;
  private final JetArithmetic jets;
  private int iterations;
  /** How many run-time loops and branches (which no cut divides) the statements being written are inside. */
  private int unsplittableDepth;

  LoopExecutor(StatementExecutor executor, ExpressionEvaluator expressions, Binder binder, JetArithmetic jets) {
    this.executor = executor;
    this.expressions = expressions;
    this.binder = binder;
    this.jets = jets;
  }

  void run(Source.For loop, Env env) {
    executor.comment(loop.text());
    for (Source.Stmt init : loop.init()) {
      executor.execute(init, env, true);
    }
    Node first = expressions.scalar(loop.condition(), env);
    if (!(first instanceof Node.Const)) {
      runtimeLoop(loop, env);
      return;
    }
    // Unroll (structural zeros then fold), but keep a long constant loop a loop: past
    // UNROLL_LIMIT trips, undo the unrolled iterations and emit a run-time loop instead.
    Env start = env.copy();
    List<Statement> out = executor.output();
    int mark = out.size();
    int iterationsBefore = iterations;
    java.util.Set<String> names = binder.snapshot();
    for (int trips = 0; ; trips++) {
      if (trips == UNROLL_LIMIT || unsplittableDepth > 0 && size(out.subList(mark, out.size())) > UNROLL_BUDGET_IN_LOOP) {
        out.subList(mark, out.size()).clear();
        env.restore(start);
        binder.restore(names);
        iterations = iterationsBefore;
        runtimeLoop(loop, env);
        return;
      }
      if (!unrollOnce(loop, env)) {
        return;
      }
    }
  }

  /** Runs {@code branch}, whose statements will be one branch of an {@code if} that no cut divides. */
  <T> T unsplittable(java.util.function.Supplier<T> branch) {
    unsplittableDepth++;
    try {
      return branch.get();
    } finally {
      unsplittableDepth--;
    }
  }

  /**
   * The number of statements, nested ones included; a statement on a lane axis counts once per lane,
   * as the per-direction statements it stands for (what the budget was measured in).
   */
  private int size(List<Statement> statements) {
    int size = 0;
    for (Statement s : statements) {
      size += lanes(s);
      if (s instanceof Statement.Loop l) {
        size += size(l.body());
      } else if (s instanceof Statement.Branch b) {
        size += size(b.then()) + size(b.otherwise());
      }
    }
    return size;
  }

  private int lanes(Statement s) {
    if (binder.batch()) {
      return 1; // points stay a loop: a statement is written once whatever the block
    }
    Integer width = s instanceof Statement.Let let ? binder.laneWidth(let.name())
        : s instanceof Statement.Set set ? binder.laneWidth(set.name())
        : s instanceof Statement.Store store ? Integer.valueOf(Lanes.width(store.index())) : null;
    if (width == null || width == 0) {
      return 1;
    }
    Node value = s instanceof Statement.Let let ? let.value() : s instanceof Statement.Set set ? set.value() : null;
    int hots = value == null ? -1 : oneHots(value);
    return hots >= 0 ? Math.max(1, hots) : width;
  }

  /**
   * How many one-hot values {@code value} adds to lane locals ({@code s_x + e_3·w}): the lanes it
   * changes, the statements its per-direction form had; -1 if it is not such a sum.
   */
  private static int oneHots(Node value) {
    if (value instanceof Node.Ref) {
      return 0;
    }
    if (!(value instanceof Node.Apply apply)) {
      return -1;
    }
    if (apply.operator() == dev.collapsar.processor.ir.Special.ONE_HOT) {
      return 1;
    }
    if (apply.operator() != dev.collapsar.processor.ir.Op.ADD) {
      return -1;
    }
    int left = oneHots(apply.argument(0));
    int right = oneHots(apply.argument(1));
    return left < 0 || right < 0 ? -1 : left + right;
  }

  /** Unrolls one iteration; false when the (constant) condition says the loop is over. */
  private boolean unrollOnce(Source.For loop, Env env) {
    Node condition = expressions.scalar(loop.condition(), env);
    if (!(condition instanceof Node.Const c)) {
      throw new CollapsarException(Messages.loopBecomesRuntime(), loop.condition().site());
    }
    if (c.is(0)) {
      return false;
    }
    if (++iterations > MAX_UNROLLED_ITERATIONS) {
      throw new CollapsarException(Messages.tooManyIterations(MAX_UNROLLED_ITERATIONS), loop.site());
    }
    executor.sequence(loop.body().statements(), env, true);
    for (Source.Stmt update : loop.update()) {
      executor.execute(update, env, true);
    }
    return true;
  }

  /**
   * A loop whose trip count is known only at run time stays a loop. Trial runs of the body find the
   * loop-carried components (a small fixpoint: each run can only add components); the final run
   * writes the body once, over locals for those components.
   */
  private void runtimeLoop(Source.For loop, Env env) {
    java.util.Set<String> assigned = new java.util.LinkedHashSet<>(Assigned.in(loop.body().statements()));
    assigned.addAll(Assigned.in(loop.update()));
    assigned.retainAll(env.names());
    LoopCarrier carrier = new LoopCarrier(jets.algebra().nodes(), binder, env, assigned);
    java.util.Set<String> names = binder.snapshot();
    do {
      binder.restore(names);
      carrier.name();
    } while (carrier.widen(iterate(loop, env, carrier, new ArrayList<>())));
    binder.restore(names);
    carrier.name();
    executor.emit(carrier.initialize());
    List<Statement> body = new ArrayList<>();
    Env inner = env.copy();
    carrier.enter(inner);
    Node condition = condition(loop, inner);
    Env after = iterate(loop, env, carrier, body);
    body.addAll(carrier.advance(after));
    executor.emit(new Statement.Loop(condition, body));
    carrier.enter(env);
  }

  /** One symbolic iteration over the carried locals: body, then update; returns the variables after it. */
  private Env iterate(Source.For loop, Env env, LoopCarrier carrier, List<Statement> sink) {
    Env inner = env.copy();
    carrier.enter(inner);
    unsplittableDepth++;
    try {
      executor.withOutput(sink, () -> {
        executor.sequence(loop.body().statements(), inner, true);
        for (Source.Stmt update : loop.update()) {
          executor.execute(update, inner, true);
        }
        return null;
      });
    } finally {
      unsplittableDepth--;
    }
    return inner;
  }

  /** The loop condition, which must not need statements of its own (it is re-evaluated each time). */
  private Node condition(Source.For loop, Env env) {
    List<Statement> scratch = new ArrayList<>();
    Node[] condition = new Node[1];
    executor.withOutput(scratch, () -> {
      condition[0] = expressions.scalar(loop.condition(), env);
      return null;
    });
    if (!scratch.isEmpty()) {
      throw new CollapsarException(Messages.loopConditionCall(), loop.condition().site());
    }
    return condition[0];
  }
}
