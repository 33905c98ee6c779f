package dev.collapsar.processor.taylor;

import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * Evaluates source expressions symbolically: doubles to jets, ints and booleans to plain nodes.
 * Conditions are decided by primal values; a condition known at compile time picks its branch.
 */
final class ExpressionEvaluator {
  /** Calls of helper methods are executed by the statement executor (they have bodies). */
  interface Inliner {
    Jet invoke(Source.Invoke call, List<Value> arguments);
  }

  private final JetArithmetic jets;
  private final Algebra alg;
  private final MathJets math;
  private final Inliner inliner;
  private final LocalArrays arrays;

  ExpressionEvaluator(JetArithmetic jets, Inliner inliner) {
    this.jets = jets;
    this.alg = jets.algebra();
    this.math = new MathJets(jets);
    this.inliner = inliner;
    this.arrays = new LocalArrays(jets);
  }

  Value evaluate(Source.Expr e, Env env) {
    if (e instanceof Source.Literal literal) {
      return literal(literal);
    } else if (e instanceof Source.Name name) {
      return lookup(name, env);
    } else if (e instanceof Source.Unary unary) {
      return unary(unary, env);
    } else if (e instanceof Source.Binary binary) {
      return binary(binary, env);
    } else if (e instanceof Source.Conditional conditional) {
      return conditional(conditional, env);
    } else if (e instanceof Source.MathCall call) {
      Jet[] args = call.arguments().stream().map(a -> jet(a, env)).toArray(Jet[]::new);
      return new Value.Num(math.call(call.fn(), args));
    } else if (e instanceof Source.Invoke invoke) {
      List<Value> args = invoke.arguments().stream().map(a -> evaluate(a, env)).toList();
      return new Value.Num(inliner.invoke(invoke, args));
    } else if (e instanceof Source.ArrayRead read) {
      return arrayRead(read, env);
    } else if (e instanceof Source.NewArray n) {
      return arrays.allocate(scalar(n.length(), env));
    } else {
      Source.Length length = (Source.Length) e;
      if (evaluate(length.array(), env) instanceof Value.LocalArray local) {
        return new Value.Scalar(local.length());
      }
      Value.Array array = array(length.array(), env);
      return new Value.Scalar(array.elements() != null
          ? alg.nodes().constant(array.elements().length, Type.INT)
          : alg.length(array.reference()));
    }
  }

  /** Evaluates to a jet, promoting ints. */
  Jet jet(Source.Expr e, Env env) {
    return toJet(evaluate(e, env), e);
  }

  /** Evaluates an int or boolean (or a double condition's primal) to a node. */
  Node scalar(Source.Expr e, Env env) {
    Value v = evaluate(e, env);
    if (v instanceof Value.Scalar s) {
      return s.node();
    }
    throw new CollapsarException(Messages.unsupportedExpression("a double where an int or boolean is required",
        "Index arrays and bound loops with int values (a loop index, an int parameter, a.length); compare doubles "
            + "to get a boolean."), e.site());
  }

  Jet toJet(Value v, Source.Expr site) {
    if (v instanceof Value.Num n) {
      return n.jet();
    }
    if (v instanceof Value.Scalar s && s.node().type() == Type.INT) {
      // an int used as a double is widened here, as Java does: kept an int node, n / m would divide
      // as ints where the user's doubles divide as doubles, and a loop would declare an int local
      Node node = s.node();
      return jets.constant(node instanceof Node.Const c ? alg.num(c.value()) : alg.mul(alg.one(), node));
    }
    throw new CollapsarException(Messages.unsupportedExpression("an array or boolean used as a number",
        "Read an element, a[i], or use the boolean in a condition: b ? 1.0 : 0.0."), site.site());
  }

  private Value literal(Source.Literal literal) {
    if (literal.type() == Type.DOUBLE) {
      return new Value.Num(jets.constant(alg.num(literal.value())));
    }
    return new Value.Scalar(alg.nodes().constant(literal.value(), literal.type()));
  }

  private Value lookup(Source.Name name, Env env) {
    Value v = env.get(name.name());
    if (v == null) {
      throw new CollapsarException(Messages.unknownName(name.name()), name.site());
    }
    return v;
  }

  private Value unary(Source.Unary unary, Env env) {
    Value v = evaluate(unary.operand(), env);
    if (v instanceof Value.Num n) {
      return new Value.Num(jets.neg(n.jet()));
    }
    return new Value.Scalar(alg.unary(unary.op(), ((Value.Scalar) v).node()));
  }

  private Value binary(Source.Binary b, Env env) {
    Op op = b.op();
    if (op.isLogical()) {
      return new Value.Scalar(alg.binary(op, scalar(b.left(), env), scalar(b.right(), env)));
    }
    Value left = evaluate(b.left(), env);
    Value right = evaluate(b.right(), env);
    boolean numeric = left instanceof Value.Num || right instanceof Value.Num;
    if (op.isComparison()) {
      Node l = numeric ? toJet(left, b.left()).primal() : ((Value.Scalar) left).node();
      Node r = numeric ? toJet(right, b.right()).primal() : ((Value.Scalar) right).node();
      return new Value.Scalar(alg.binary(op, l, r));
    }
    if (!numeric) {
      return new Value.Scalar(alg.binary(op, ((Value.Scalar) left).node(), ((Value.Scalar) right).node()));
    }
    if (op == Op.REM) {
      throw new CollapsarException(Messages.unsupportedExpression("the remainder operator % on doubles",
          "Write x - m * Math.floor(x / m)."), b.site());
    }
    return new Value.Num(jets.binary(op, toJet(left, b.left()), toJet(right, b.right())));
  }

  private Value conditional(Source.Conditional c, Env env) {
    Node condition = scalar(c.condition(), env);
    if (condition instanceof Node.Const k) {
      return evaluate(k.is(0) ? c.otherwise() : c.then(), env);
    }
    Value then = evaluate(c.then(), env);
    Value otherwise = evaluate(c.otherwise(), env);
    if (then instanceof Value.Scalar t && otherwise instanceof Value.Scalar o) {
      return new Value.Scalar(alg.select(condition, t.node(), o.node()));
    }
    return new Value.Num(jets.select(condition, toJet(then, c.then()), toJet(otherwise, c.otherwise())));
  }

  private Value arrayRead(Source.ArrayRead read, Env env) {
    if (evaluate(read.array(), env) instanceof Value.LocalArray local) {
      return new Value.Num(arrays.read(local, scalar(read.index(), env)));
    }
    Value.Array array = array(read.array(), env);
    Node index = scalar(read.index(), env);
    if (array.seeded() != null) {
      return new Value.Num(array.seeded().apply(index));
    }
    if (array.elements() != null) {
      if (!(index instanceof Node.Const c)) {
        return new Value.Num(selectElement(array.elements(), index));
      }
      int i = (int) c.value();
      if (i < 0 || i >= array.elements().length) {
        throw new CollapsarException(Messages.indexOutOfRange(read.array() instanceof Source.Name n ? n.name() : "array",
            i, array.elements().length), read.index().site());
      }
      return new Value.Num(array.elements()[i]);
    }
    Node element = alg.arrayLoad(array.reference(), index);
    return element.type() == Type.DOUBLE ? new Value.Num(jets.constant(element))
        : new Value.Array(element, element.type(), null);
  }

  /**
   * A coordinate picked by a run-time index, component by component: a component that is the same
   * node in every coordinate stays that node; one that is element k of one array in coordinate k
   * ({@code x[k]}, a direction's {@code v[d][k]}) is that array at the index; any other is chosen by
   * comparing the index (one select per coordinate). Gathering keeps a first layer's loop over the
   * coordinates of an estimator from testing the index D times per direction (measured: the
   * reference network's 50-direction estimator spent three quarters of its time there).
   */
  private Jet selectElement(Jet[] elements, Node index) {
    List<List<Node>> columns = new java.util.ArrayList<>();
    for (Jet element : elements) {
      List<Node> nodes = new java.util.ArrayList<>();
      element.map((node, component) -> {
        nodes.add(node);
        return node;
      });
      columns.add(nodes);
    }
    int[] at = {0};
    return elements[0].map((node, component) -> {
      int c = at[0]++;
      List<Node> across = new java.util.ArrayList<>();
      for (List<Node> column : columns) {
        across.add(c < column.size() ? column.get(c) : null);
      }
      return pick(across, index);
    });
  }

  private Node pick(List<Node> across, Node index) {
    if (across.stream().allMatch(n -> n == across.get(0))) {
      return across.get(0);
    }
    Node gathered = gathered(across, index);
    if (gathered != null) {
      return gathered;
    }
    Node picked = across.get(across.size() - 1);
    for (int i = across.size() - 2; i >= 0; i--) {
      picked = alg.select(alg.binary(Op.EQ, index, alg.nodes().constant(i, Type.INT)), across.get(i), picked);
    }
    return picked;
  }

  /**
   * {@code a[index]} when node k is {@code a[k]} for every k; {@code m[index][l]} when node k is
   * {@code m[k][l]} (a row's element at one lane, read at one version); else null.
   */
  private Node gathered(List<Node> across, Node index) {
    Node elements = elementsAt(across, index);
    if (elements != null) {
      return elements;
    }
    Node oneHot = oneHotAt(across, index);
    if (oneHot != null) {
      return oneHot;
    }
    if (!(across.get(0) instanceof Node.Apply first && first.operator() == Special.ARRAY_LOAD && first.arity() > 1)) {
      return null;
    }
    List<Node> rows = new java.util.ArrayList<>();
    for (Node node : across) {
      if (!(node instanceof Node.Apply load && load.operator() == Special.ARRAY_LOAD && load.arity() == first.arity()
          && java.util.stream.IntStream.range(1, first.arity()).allMatch(i -> load.argument(i) == first.argument(i)))) {
        return null;
      }
      rows.add(load.argument(0));
    }
    Node row = rows.get(0).type() == Type.DOUBLE_ARRAY ? gathered(rows, index) : null;
    if (row == null) {
      return null;
    }
    Node[] arguments = first.arguments().toArray(new Node[0]);
    arguments[0] = row;
    return alg.nodes().apply(first.type(), Special.ARRAY_LOAD, arguments);
  }

  /** v in lane {@code index} when node k is v in lane k (a basis seed on a lane axis), else null. */
  private Node oneHotAt(List<Node> across, Node index) {
    Node.Apply first = across.get(0) instanceof Node.Apply a && a.operator() == Special.ONE_HOT ? a : null;
    for (int k = 0; first != null && k < across.size(); k++) {
      if (!(across.get(k) instanceof Node.Apply hot && hot.operator() == Special.ONE_HOT
          && hot.argument(0) instanceof Node.Const lane && lane.is(k) && hot.argument(1) == first.argument(1)
          && hot.argument(2) == first.argument(2))) {
        return null;
      }
    }
    return first == null ? null
        : alg.nodes().apply(Type.LANES, Special.ONE_HOT, index, first.argument(1), first.argument(2));
  }

  /** {@code a[index]} when node k is {@code a[k]} for every k, else null. */
  private Node elementsAt(List<Node> across, Node index) {
    Node array = null;
    for (int k = 0; k < across.size(); k++) {
      if (!(across.get(k) instanceof Node.Apply load && load.operator() == Special.ARRAY_LOAD && load.arity() == 2
          && load.argument(1) instanceof Node.Const i && i.is(k) && (array == null || array == load.argument(0)))) {
        return null;
      }
      array = load.argument(0);
    }
    return alg.arrayLoad(array, index);
  }

  LocalArrays arrays() {
    return arrays;
  }

  private Value.Array array(Source.Expr e, Env env) {
    Value v = evaluate(e, env);
    if (v instanceof Value.Array a) {
      return a;
    }
    throw new CollapsarException(Messages.unsupportedExpression("indexing a value that is not an array",
        "Index only double[] parameters and local double[] arrays."), e.site());
  }
}
