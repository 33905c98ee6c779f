package dev.collapsar.processor.taylor;

import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Executes the source statements symbolically and writes the generated statements. Loops go to the
 * {@link LoopExecutor} (unrolled or kept), helper calls are inlined, and {@code if}s on run-time
 * conditions kept as {@code if}s. A {@code return} inside an {@code if} is handled by executing the
 * rest of the method inside each branch (continuation), so every path ends in its own return and
 * the returned jets are joined like variables.
 */
final class StatementExecutor implements ExpressionEvaluator.Inliner {

  private final Map<String, Source.Function> helpers;
  private final Binder binder;
  private final Merger merger;
  private final ExpressionEvaluator expressions;
  private final LoopExecutor loops;
  private final JetArithmetic jets;
  private final Deque<String> callStack = new ArrayDeque<>();
  private List<Statement> out;

  StatementExecutor(Map<String, Source.Function> helpers, JetArithmetic jets, Binder binder, Merger merger) {
    this.helpers = helpers;
    this.jets = jets;
    this.binder = binder;
    this.merger = merger;
    this.expressions = new ExpressionEvaluator(jets, this);
    this.loops = new LoopExecutor(this, expressions, binder, jets);
  }
  /** Whether a local array of the executed body keeps its jets' directions as rows. */
  boolean allocatedRows() {
    return expressions.arrays().allocatedRows();
  }


  /** Appends generated statements to the current output. */
  void emit(List<Statement> statements) {
    out.addAll(statements);
  }

  void emit(Statement statement) {
    out.add(statement);
  }

  /** The current output (for undoing unrolled iterations). */
  List<Statement> output() {
    return out;
  }

  /** Runs a function body; returns its result jet, writing statements to {@code sink}. */
  Jet run(Source.Function function, Env env, List<Statement> sink) {
    List<Statement> saved = out;
    out = sink;
    callStack.push(function.key());
    try {
      Jet result = sequence(function.body().statements(), env, false);
      if (result == null) {
        throw new CollapsarException(Messages.missingReturn(function.name()), function.site());
      }
      return result;
    } finally {
      callStack.pop();
      out = saved;
    }
  }

  /** Executes statements in order; returns the returned jet, or null if control falls through. */
  Jet sequence(List<Source.Stmt> statements, Env env, boolean inLoop) {
    for (int i = 0; i < statements.size(); i++) {
      Source.Stmt s = statements.get(i);
      if (s instanceof Source.Block block) {
        List<Source.Stmt> spliced = new ArrayList<>(block.statements());
        spliced.addAll(statements.subList(i + 1, statements.size()));
        return sequence(spliced, env, inLoop);
      }
      if (s instanceof Source.Return r) {
        if (inLoop) {
          throw new CollapsarException(Messages.returnInLoop(), r.site());
        }
        comment(r.text());
        return expressions.jet(r.value(), env);
      }
      if (s instanceof Source.If branch && Returns.contains(branch)) {
        return branchWithReturns(branch, statements.subList(i + 1, statements.size()), env, inLoop);
      }
      execute(s, env, inLoop);
    }
    return null;
  }

  void execute(Source.Stmt s, Env env, boolean inLoop) {
    if (s instanceof Source.Declare d) {
      comment(d.text());
      declare(d, env);
    } else if (s instanceof Source.Assign a) {
      comment(a.text());
      assign(a, env);
    } else if (s instanceof Source.ArrayAssign a) {
      comment(a.text());
      arrayAssign(a, env);
    } else if (s instanceof Source.If branch) {
      ifElse(branch, env, inLoop);
    } else if (s instanceof Source.For loop) {
      loops.run(loop, env);
    } else {
      throw new IllegalStateException("unexpected statement " + s);
    }
  }

  private void declare(Source.Declare d, Env env) {
    if (d.init() == null) {
      env.put(d.name(), d.type() == Type.DOUBLE ? new Value.Num(jets.constant(jets.algebra().zero()))
          : new Value.Scalar(jets.algebra().nodes().constant(0, d.type())));
      return;
    }
    Value init = expressions.evaluate(d.init(), env);
    if (d.type() == Type.DOUBLE_ARRAY && init instanceof Value.Array a && (a.elements() != null || a.seeded() != null)) {
      CoordinateCopy.declare(d, a, env, this, loops);
      return;
    }
    store(d.name(), d.type(), init, d.init(), env);
  }

  private void assign(Source.Assign a, Env env) {
    Value current = env.get(a.name());
    if (current == null) {
      throw new CollapsarException(Messages.unknownName(a.name()), a.site());
    }
    Source.Expr value = a.compound() == null ? a.value()
        : new Source.Binary(a.compound(), new Source.Name(a.name(), a.site()), a.value(), a.site());
    if (current instanceof Value.Array) {
      throw new CollapsarException(Messages.unsupportedStatement("assigning to an array variable that names a "
          + "parameter array", "Declare a new array variable for the new value: double[] h2 = new double[n];"),
          a.site());
    }
    Type type = current instanceof Value.Num ? Type.DOUBLE
        : current instanceof Value.LocalArray ? Type.DOUBLE_ARRAY : ((Value.Scalar) current).node().type();
    store(a.name(), type, expressions.evaluate(value, env), value, env);
  }

  private void arrayAssign(Source.ArrayAssign a, Env env) {
    Value.LocalArray array = (Value.LocalArray) env.get(a.array());
    Source.Expr value = a.compound() == null ? a.value()
        : new Source.Binary(a.compound(), new Source.ArrayRead(new Source.Name(a.array(), a.site()), a.index(), a.site()),
            a.value(), a.site());
    Node index = expressions.scalar(a.index(), env);
    Jet jet = expressions.toJet(expressions.evaluate(value, env), value);
    expressions.arrays().write(array, index, jet, out);
  }

  private void store(String name, Type type, Value value, Source.Expr site, Env env) {
    if (type == Type.DOUBLE_ARRAY && value instanceof Value.LocalArray array) {
      env.put(name, binder.bind(name, array, out));
      return;
    }
    if (type == Type.DOUBLE_ARRAY && value instanceof Value.Array parameter) {
      env.put(name, parameter); // another name for a parameter array
      return;
    }
    if (type == Type.DOUBLE) {
      env.put(name, new Value.Num(binder.bind(name, expressions.toJet(value, site), out)));
    } else if (value instanceof Value.Scalar s) {
      Node node = s.node();
      if (type == Type.INT && node.type() != Type.INT) {
        throw new CollapsarException(Messages.unsupportedExpression("a double assigned to an int",
            "Keep the value in a double local; int locals hold counters and indices."), site.site());
      }
      env.put(name, new Value.Scalar(binder.bind(name, node, out)));
    } else {
      throw new CollapsarException(Messages.unsupportedExpression("a double assigned to an " + type.java(),
          "Keep the value in a double local."), site.site());
    }
  }

  private void ifElse(Source.If branch, Env env, boolean inLoop) {
    Node condition = expressions.scalar(branch.condition(), env);
    comment(branch.text());
    if (condition instanceof Node.Const c) {
      Source.Block taken = c.is(0) ? branch.otherwise() : branch.then();
      if (taken != null) {
        sequence(taken.statements(), env, inLoop);
      }
      return;
    }
    Env thenEnv = env.copy();
    Env elseEnv = env.copy();
    List<Statement> thenOut = loops.unsplittable(() -> nested(branch.then(), thenEnv, inLoop));
    List<Statement> elseOut = loops.unsplittable(() -> nested(branch.otherwise(), elseEnv, inLoop));
    Merger.Sides sides = new Merger.Sides();
    for (String name : List.copyOf(env.names())) {
      env.put(name, merger.merge(name, thenEnv.get(name), elseEnv.get(name), sides));
    }
    emitBranch(condition, thenOut, elseOut, sides);
  }

  private Jet branchWithReturns(Source.If branch, List<Source.Stmt> rest, Env env, boolean inLoop) {
    if (inLoop) {
      throw new CollapsarException(Messages.returnInLoop(), branch.site());
    }
    Node condition = expressions.scalar(branch.condition(), env);
    comment(branch.text());
    if (condition instanceof Node.Const c) {
      return sequence(continuation(c.is(0) ? branch.otherwise() : branch.then(), rest), env, false);
    }
    List<Statement> thenOut = new ArrayList<>();
    List<Statement> elseOut = new ArrayList<>();
    Jet thenResult = withOutput(thenOut, () -> sequence(continuation(branch.then(), rest), env.copy(), false));
    Jet elseResult = withOutput(elseOut, () -> sequence(continuation(branch.otherwise(), rest), env.copy(), false));
    if (thenResult == null || elseResult == null) {
      return null;
    }
    Merger.Sides sides = new Merger.Sides();
    Jet merged = merger.mergeJets("result", thenResult, elseResult, sides);
    emitBranch(condition, thenOut, elseOut, sides);
    return merged;
  }

  private static List<Source.Stmt> continuation(Source.Block block, List<Source.Stmt> rest) {
    List<Source.Stmt> all = new ArrayList<>(block == null ? List.of() : block.statements());
    all.addAll(rest);
    return all;
  }

  private void emitBranch(Node condition, List<Statement> thenOut, List<Statement> elseOut, Merger.Sides sides) {
    out.addAll(sides.declarations);
    thenOut.addAll(sides.thenTail);
    elseOut.addAll(sides.elseTail);
    out.add(new Statement.Branch(condition, thenOut, elseOut));
  }

  private List<Statement> nested(Source.Block block, Env env, boolean inLoop) {
    List<Statement> sink = new ArrayList<>();
    if (block != null) {
      withOutput(sink, () -> sequence(block.statements(), env, inLoop));
    }
    return sink;
  }

  Jet withOutput(List<Statement> sink, java.util.function.Supplier<Jet> body) {
    List<Statement> saved = out;
    out = sink;
    try {
      return body.get();
    } finally {
      out = saved;
    }
  }

  @Override
  public Jet invoke(Source.Invoke call, List<Value> arguments) {
    Source.Function callee = helpers.get(call.key());
    if (callee == null) {
      throw new CollapsarException(Messages.noSource(call.key()), call.site());
    }
    if (callStack.contains(callee.key())) {
      throw new CollapsarException(Messages.recursion(callee.name()), call.site());
    }
    Env local = new Env();
    for (int i = 0; i < arguments.size(); i++) {
      Source.Parameter p = callee.parameters().get(i);
      Value v = arguments.get(i);
      local.put(p.name(), p.type() == Type.DOUBLE ? new Value.Num(expressions.toJet(v, call.arguments().get(i))) : v);
    }
    comment("inlined " + callee.name() + "(...)");
    return run(callee, local, out);
  }

  void comment(String text) {
    if (text != null && !text.isEmpty()) {
      out.add(new Statement.Comment(text));
    }
  }
}
