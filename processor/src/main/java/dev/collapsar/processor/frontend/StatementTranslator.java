package dev.collapsar.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Translates the statements of one method body into {@link Source} statements. */
final class StatementTranslator {
  private static final int COMMENT_LENGTH = 100;

  private final CompilationUnitTree unit;
  private final Scope scope;
  private final ExpressionTranslator expressions;
  /** Local variables (as opposed to parameters): only local arrays may be written. */
  private final java.util.Set<String> locals = new java.util.HashSet<>();

  /** Local arrays that may be a second name for a parameter's array: writes through them are rejected. */
  private final ParameterAliases aliases;

  StatementTranslator(CompilationUnitTree unit, Scope scope, ExpressionTranslator expressions,
      ParameterAliases aliases) {
    this.unit = unit;
    this.scope = scope;
    this.expressions = expressions;
    this.aliases = aliases;
  }

  /** Problems found so far; translation goes on after one, so that a method's errors come at once. */
  private final List<CollapsarException> problems = new ArrayList<>();

  Source.Block block(BlockTree block) {
    scope.enter();
    try {
      List<Source.Stmt> statements = new ArrayList<>();
      for (StatementTree s : block.getStatements()) {
        Source.Stmt translated = recovering(s);
        if (translated != null) {
          statements.add(translated);
        }
      }
      return new Source.Block(statements, site(block));
    } finally {
      scope.exit();
    }
  }

  /** Throws every problem found, as one exception, if there was any. */
  void throwProblems() {
    if (!problems.isEmpty()) {
      throw CollapsarException.all(problems);
    }
  }

  /**
   * A statement, or null after recording its problem. A declaration that fails still declares its
   * name (with its declared type when that is readable), so that later uses do not add errors of
   * their own.
   */
  private Source.Stmt recovering(StatementTree s) {
    try {
      return statement(s);
    } catch (Scope.Consequence e) {
      declareAnyway(s); // it uses a variable whose declaration was already reported
      return null;
    } catch (CollapsarException e) {
      problems.add(e);
      declareAnyway(s);
      return null;
    }
  }

  private void declareAnyway(StatementTree s) {
    if (s instanceof VariableTree v && scope.lookup(v.getName().toString()) == null) {
      try {
        scope.declare(v.getName().toString(), localType(v.getType(), v));
        locals.add(v.getName().toString());
      } catch (CollapsarException unreadable) {
        scope.reject(v.getName().toString());
      }
    }
  }

  private Source.Stmt statement(StatementTree s) {
    switch (s.getKind()) {
      case BLOCK: return block((BlockTree) s);
      case VARIABLE: return declare((VariableTree) s);
      case EXPRESSION_STATEMENT: return expressionStatement((ExpressionStatementTree) s);
      case IF: return ifElse((IfTree) s);
      case FOR_LOOP: return forLoop((ForLoopTree) s);
      case RETURN: return returns((ReturnTree) s);
      case EMPTY_STATEMENT: return null;
      default: {
        String[] what = describe(s);
        throw unsupported(s, what[0], what[1]);
      }
    }
  }

  private Source.Stmt declare(VariableTree v) {
    Type type = localType(v.getType(), v);
    Source.Expr init = v.getInitializer() == null ? null : expressions.translate(v.getInitializer());
    scope.declare(v.getName().toString(), type);
    locals.add(v.getName().toString());
    return new Source.Declare(v.getName().toString(), type, init, text(v), site(v));
  }

  private Type localType(Tree type, VariableTree declaration) {
    if (type instanceof com.sun.source.tree.ArrayTypeTree array && array.getType() instanceof PrimitiveTypeTree element
        && element.getPrimitiveTypeKind() == javax.lang.model.type.TypeKind.DOUBLE) {
      return Type.DOUBLE_ARRAY;
    }
    if (type instanceof PrimitiveTypeTree p) {
      switch (p.getPrimitiveTypeKind()) {
        case DOUBLE: return Type.DOUBLE;
        case INT: return Type.INT;
        case BOOLEAN: return Type.BOOLEAN;
        default: break;
      }
    }
    if (type == null) { // `var x = ...`: javac infers the type only after processors have run
      throw new CollapsarException(Messages.unsupportedType("var", "this local variable"), site(declaration));
    }
    throw new CollapsarException(Messages.unsupportedType(type.toString(), "this local variable"), site(type));
  }

  private Source.Stmt expressionStatement(ExpressionStatementTree s) {
    ExpressionTree e = s.getExpression();
    String text = text(s);
    switch (e.getKind()) {
      case ASSIGNMENT: {
        AssignmentTree a = (AssignmentTree) e;
        if (a.getVariable() instanceof com.sun.source.tree.ArrayAccessTree element) {
          return arrayAssign(element, null, a.getExpression(), text, e);
        }
        return new Source.Assign(target(a.getVariable()), null, expressions.translate(a.getExpression()), text, site(e));
      }
      case PLUS_ASSIGNMENT: case MINUS_ASSIGNMENT: case MULTIPLY_ASSIGNMENT: case DIVIDE_ASSIGNMENT: {
        CompoundAssignmentTree a = (CompoundAssignmentTree) e;
        if (a.getVariable() instanceof com.sun.source.tree.ArrayAccessTree element) {
          return arrayAssign(element, compound(e.getKind()), a.getExpression(), text, e);
        }
        return new Source.Assign(target(a.getVariable()), compound(e.getKind()), expressions.translate(a.getExpression()), text, site(e));
      }
      case POSTFIX_INCREMENT: case PREFIX_INCREMENT: case POSTFIX_DECREMENT: case PREFIX_DECREMENT: {
        UnaryTree u = (UnaryTree) e;
        boolean up = e.getKind() == Tree.Kind.POSTFIX_INCREMENT || e.getKind() == Tree.Kind.PREFIX_INCREMENT;
        String name = target(u.getExpression());
        Source.Literal one = new Source.Literal(1, scope.lookup(name) == Type.DOUBLE ? Type.DOUBLE : Type.INT, site(e));
        return new Source.Assign(name, up ? Op.ADD : Op.SUB, one, text, site(e));
      }
      default:
        throw unsupported(s, "an expression used as a statement (" + e.getKind().toString().toLowerCase(Locale.ROOT)
            .replace('_', ' ') + ")", "A value that is not assigned has no effect here: assign it to a local "
            + "(double v = ...;) or remove the statement.");
    }
  }

  /** {@code local[index] (op)= value} into a local {@code double[]}; parameters are read-only. */
  private Source.Stmt arrayAssign(com.sun.source.tree.ArrayAccessTree element, Op compound, ExpressionTree value,
      String text, Tree site) {
    ExpressionTree array = element.getExpression();
    if (array instanceof IdentifierTree named) {
      scope.checkNotRejected(named.getName().toString());
    }
    if (!(array instanceof IdentifierTree id) || scope.lookup(id.getName().toString()) != Type.DOUBLE_ARRAY
        || !locals.contains(id.getName().toString())) {
      throw new CollapsarException(Messages.unsupportedStatement(
          "writing to an element of " + array + ", which is not a local double[] array",
          "Write into a local array instead: double[] c = new double[n]; fill it in a for loop and write to c[i]."),
          site(element));
    }
    String parameter = aliases.parameterOf(id.getName().toString());
    if (parameter != null) {
      throw new CollapsarException(Messages.writeThroughAlias(id.getName().toString(), parameter), site(element));
    }
    return new Source.ArrayAssign(id.getName().toString(), expressions.translate(element.getIndex()), compound,
        expressions.translate(value), text, site(site));
  }

  private String target(ExpressionTree variable) {
    while (variable instanceof ParenthesizedTree p) {
      variable = p.getExpression();
    }
    if (variable instanceof IdentifierTree id) {
      scope.checkNotRejected(id.getName().toString());
    }
    if (variable instanceof IdentifierTree id && scope.lookup(id.getName().toString()) != null) {
      return id.getName().toString();
    }
    if (variable.getKind() == Tree.Kind.ARRAY_ACCESS) {
      throw new CollapsarException(Messages.unsupportedStatement("writing to an array element",
          "Write into a local array instead: double[] c = new double[n]; and c[i] = ..."), site(variable));
    }
    throw new CollapsarException(Messages.unsupportedStatement("assigning to " + variable
        + ", which is not a local variable or parameter", "Assign to a local variable: double v = ...;"),
        site(variable));
  }

  private static Op compound(Tree.Kind kind) {
    switch (kind) {
      case PLUS_ASSIGNMENT: return Op.ADD;
      case MINUS_ASSIGNMENT: return Op.SUB;
      case MULTIPLY_ASSIGNMENT: return Op.MUL;
      default: return Op.DIV;
    }
  }

  private Source.Stmt ifElse(IfTree s) {
    Source.Expr condition = expressions.translate(s.getCondition());
    Source.Block then = asBlock(s.getThenStatement());
    Source.Block otherwise = s.getElseStatement() == null ? null : asBlock(s.getElseStatement());
    return new Source.If(condition, then, otherwise, "if " + clip(s.getCondition().toString()), site(s));
  }

  private Source.Block asBlock(StatementTree s) {
    if (s instanceof BlockTree b) {
      return block(b);
    }
    scope.enter();
    try {
      Source.Stmt translated = statement(s);
      return new Source.Block(translated == null ? List.of() : List.of(translated), site(s));
    } finally {
      scope.exit();
    }
  }

  private Source.Stmt forLoop(ForLoopTree s) {
    scope.enter();
    try {
      List<Source.Stmt> init = new ArrayList<>();
      for (StatementTree i : s.getInitializer()) {
        init.add(statement(i));
      }
      if (s.getCondition() == null) {
        throw new CollapsarException(Messages.loopBound(), site(s));
      }
      Source.Expr condition = expressions.translate(s.getCondition());
      List<Source.Stmt> update = new ArrayList<>();
      for (ExpressionStatementTree u : s.getUpdate()) {
        update.add(expressionStatement(u));
      }
      Source.Block body = asBlock(s.getStatement());
      String text = "for (" + s.getInitializer().stream().map(this::text).reduce((a, b) -> a + ", " + b).orElse("")
          + "; " + s.getCondition() + "; ...)";
      return new Source.For(init, condition, update, body, clip(text), site(s));
    } finally {
      scope.exit();
    }
  }

  private Source.Stmt returns(ReturnTree r) {
    if (r.getExpression() == null) {
      throw unsupported(r, "a return without a value", "Return a double.");
    }
    return new Source.Return(expressions.translate(r.getExpression()), text(r), site(r));
  }

  private CollapsarException unsupported(Tree s, String what, String rewrite) {
    return new CollapsarException(Messages.unsupportedStatement(what, rewrite), site(s));
  }

  /** What a statement outside the subset is, and how to write it inside. */
  private static String[] describe(StatementTree s) {
    String counted = "Write a for loop with an int counter and a bound known before the loop, e.g. "
        + "for (int k = 0; k < n; k++) { ... } with n a constant, an int parameter or an array's length";
    switch (s.getKind()) {
      case WHILE_LOOP: return new String[] {"a while loop", counted + "."};
      case DO_WHILE_LOOP: return new String[] {"a do-while loop", counted + "."};
      case ENHANCED_FOR_LOOP: return new String[] {"an enhanced for loop",
          "Loop over the indices: for (int i = 0; i < a.length; i++) { double v = a[i]; ... }."};
      case BREAK: return new String[] {"break",
          "Let the loop run to its bound and guard the rest of the body with if (for example a boolean local done)."};
      case CONTINUE: return new String[] {"continue", "Guard the rest of the loop body with if instead."};
      case THROW: return new String[] {"throw",
          "Check the arguments before calling the operator, or return Double.NaN for a point outside the domain."};
      case TRY: return new String[] {"try", "Remove the try: nothing in the supported subset throws."};
      case SWITCH: return new String[] {"a switch statement", "Write it as if / else if on the same value."};
      case LABELED_STATEMENT: return new String[] {"a labeled statement", "Remove the label; guard work with if."};
      case ASSERT: return new String[] {"an assert statement",
          "Remove it, or check the condition before calling the operator."};
      case CLASS: case INTERFACE: case ENUM: return new String[] {"a local class",
          "Move the class out of the method and call its static methods."};
      case SYNCHRONIZED: return new String[] {"a synchronized block",
          "Remove synchronized: the generated code has no shared state."};
      default: return new String[] {"this " + s.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')
          + " statement", "Write the body with double, int and boolean locals, if / else, for loops and return."};
    }
  }

  private String text(Tree t) {
    return clip(t.toString().replaceAll("\\s+", " ").trim());
  }

  private static String clip(String s) {
    s = s.replaceAll("\\s+", " ").trim();
    return s.length() <= COMMENT_LENGTH ? s : s.substring(0, COMMENT_LENGTH - 3) + "...";
  }

  private Site site(Tree t) {
    return new Site.InTree(t, unit);
  }
}
