package dev.collapsar.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Type;
import java.util.List;
import java.util.Locale;

/**
 * Translates expressions. Bodies are parsed but not attributed while processors run, so names are
 * resolved here: locals and parameters from the {@link Scope}, constants and helper methods through
 * the {@link ClassMembers} of the enclosing class, {@code Math} functions by name.
 */
final class ExpressionTranslator {
  private final CompilationUnitTree unit;
  private final Scope scope;
  private final ClassMembers members;

  ExpressionTranslator(CompilationUnitTree unit, Scope scope, ClassMembers members) {
    this.unit = unit;
    this.scope = scope;
    this.members = members;
  }

  Source.Expr translate(ExpressionTree e) {
    switch (e.getKind()) {
      case PARENTHESIZED: return translate(((ParenthesizedTree) e).getExpression());
      case INT_LITERAL: case DOUBLE_LITERAL: case FLOAT_LITERAL: case BOOLEAN_LITERAL: case LONG_LITERAL:
        return literal((LiteralTree) e);
      case IDENTIFIER: return identifier((IdentifierTree) e);
      case MEMBER_SELECT: return memberSelect((MemberSelectTree) e);
      case UNARY_MINUS: case UNARY_PLUS: case LOGICAL_COMPLEMENT: return unary((UnaryTree) e);
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree c = (ConditionalExpressionTree) e;
        return new Source.Conditional(translate(c.getCondition()), translate(c.getTrueExpression()),
            translate(c.getFalseExpression()), site(e));
      }
      case METHOD_INVOCATION: return invocation((MethodInvocationTree) e);
      case ARRAY_ACCESS: {
        ArrayAccessTree a = (ArrayAccessTree) e;
        return new Source.ArrayRead(translate(a.getExpression()), translate(a.getIndex()), site(e));
      }
      case TYPE_CAST: return cast((TypeCastTree) e);
      case NEW_ARRAY: return newArray((com.sun.source.tree.NewArrayTree) e);
      default:
        if (e instanceof BinaryTree b) {
          return binary(b);
        }
        String[] what = describe(e);
        throw unsupported(e, what[0], what[1]);
    }
  }

  private Source.Expr literal(LiteralTree l) {
    Object v = l.getValue();
    if (v instanceof Boolean b) {
      return new Source.Literal(b ? 1 : 0, Type.BOOLEAN, site(l));
    }
    if (v instanceof Integer i) {
      return new Source.Literal(i, Type.INT, site(l));
    }
    if (v instanceof Long) {
      throw new CollapsarException(Messages.unsupportedType("long", "this literal"), site(l));
    }
    return new Source.Literal(((Number) v).doubleValue(), Type.DOUBLE, site(l));
  }

  private Source.Expr identifier(IdentifierTree id) {
    String name = id.getName().toString();
    scope.checkNotRejected(name);
    if (scope.lookup(name) != null) {
      return new Source.Name(name, site(id));
    }
    Source.Literal constant = members.constant(null, name, site(id));
    if (constant != null) {
      return constant;
    }
    throw new CollapsarException(Messages.unknownName(name), site(id));
  }

  private Source.Expr memberSelect(MemberSelectTree m) {
    String member = m.getIdentifier().toString();
    if (member.equals("class")) {
      throw unsupported(m, "a class literal", "Remove it: only numbers can be differentiated.");
    }
    if (member.equals("length")) {
      return new Source.Length(translate(m.getExpression()), site(m));
    }
    String owner = m.getExpression().toString();
    scope.checkNotRejected(owner);
    Source.Literal constant = members.constant(owner, member, site(m));
    if (constant != null) {
      return constant;
    }
    throw new CollapsarException(Messages.unknownName(owner + "." + member), site(m));
  }

  private Source.Expr unary(UnaryTree u) {
    Source.Expr operand = translate(u.getExpression());
    switch (u.getKind()) {
      case UNARY_PLUS: return operand;
      case UNARY_MINUS: return new Source.Unary(Op.NEG, operand, site(u));
      default: return new Source.Unary(Op.NOT, operand, site(u));
    }
  }

  private Source.Expr binary(BinaryTree b) {
    Op op = operator(b.getKind());
    if (op == null) {
      throw unsupported(b, "the operator " + b.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '),
          "Use +, -, *, /, comparisons, &&, || and !; compute integer bit operations before the operator's call.");
    }
    return new Source.Binary(op, translate(b.getLeftOperand()), translate(b.getRightOperand()), site(b));
  }

  private Source.Expr invocation(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    List<Source.Expr> args = call.getArguments().stream().map(this::translate).toList();
    if (select instanceof MemberSelectTree m) {
      String owner = m.getExpression().toString();
      String name = m.getIdentifier().toString();
      scope.checkNotRejected(owner);
      // the site is the call's name (javac marks a member select at the dot before the name), not its (
      if (MathCalls.isMathClass(owner)) {
        return MathCalls.call(owner, name, args, site(m));
      }
      javax.lang.model.element.TypeElement type = members.resolveClass(owner, unit);
      if (type != null) {
        return members.of(type).invoke(name, args, site(m));
      }
      if (m.getExpression() instanceof MethodInvocationTree inner) {
        invocation(inner); // a chain a(...).b(...): the first call is the one to rewrite
      }
      throw new CollapsarException(Messages.unsupportedCall(owner + "." + name + "(...)",
          "Only java.lang.Math functions and static methods of classes compiled together with this one can be called."),
          site(m));
    }
    return members.invoke(((IdentifierTree) select).getName().toString(), args, site(select));
  }

  /** {@code new double[n]}; other array creations (initializers, two dimensions) are not supported yet. */
  private Source.Expr newArray(com.sun.source.tree.NewArrayTree n) {
    boolean doubles = n.getType() instanceof PrimitiveTypeTree p && p.getPrimitiveTypeKind() == javax.lang.model.type.TypeKind.DOUBLE;
    if (!doubles || n.getDimensions().size() != 1 || n.getInitializers() != null) {
      throw unsupported(n, "creating an array other than new double[n]", NEW_ARRAY_REWRITE);
    }
    return new Source.NewArray(translate(n.getDimensions().get(0)), site(n));
  }

  private Source.Expr cast(TypeCastTree c) {
    if (c.getType() instanceof PrimitiveTypeTree p && p.getPrimitiveTypeKind() == javax.lang.model.type.TypeKind.DOUBLE) {
      Source.Expr operand = translate(c.getExpression());
      return new Source.Binary(Op.MUL, new Source.Literal(1.0, Type.DOUBLE, site(c)), operand, site(c));
    }
    throw unsupported(c, "a cast to " + c.getType() + " (only casts to double are supported)",
        "Keep the value as a double; for the integer part of x write Math.floor(x), for rounding Math.rint(x).");
  }

  private static Op operator(Tree.Kind kind) {
    switch (kind) {
      case PLUS: return Op.ADD;
      case MINUS: return Op.SUB;
      case MULTIPLY: return Op.MUL;
      case DIVIDE: return Op.DIV;
      case REMAINDER: return Op.REM;
      case LESS_THAN: return Op.LT;
      case LESS_THAN_EQUAL: return Op.LE;
      case GREATER_THAN: return Op.GT;
      case GREATER_THAN_EQUAL: return Op.GE;
      case EQUAL_TO: return Op.EQ;
      case NOT_EQUAL_TO: return Op.NE;
      case CONDITIONAL_AND: return Op.AND;
      case CONDITIONAL_OR: return Op.OR;
      default: return null;
    }
  }

  /** What an expression outside the subset is, and how to write it inside. */
  private static String[] describe(ExpressionTree e) {
    switch (e.getKind()) {
      case NEW_CLASS: return new String[] {"creating an object with new",
          "Compute with double, int and boolean values and double[] arrays; pass objects' numbers in as parameters."};
      case NEW_ARRAY: return new String[] {"creating an array", NEW_ARRAY_REWRITE};
      case LAMBDA_EXPRESSION: return new String[] {"a lambda expression",
          "Write the function as a static helper method of this class and call it."};
      case MEMBER_REFERENCE: return new String[] {"a method reference",
          "Call a static helper method of this class directly."};
      case STRING_LITERAL: return new String[] {"a string", "Remove it: only numbers can be differentiated."};
      case ASSIGNMENT: case PLUS_ASSIGNMENT: case MINUS_ASSIGNMENT: case MULTIPLY_ASSIGNMENT: case DIVIDE_ASSIGNMENT:
      case REMAINDER_ASSIGNMENT: case PREFIX_INCREMENT: case POSTFIX_INCREMENT: case PREFIX_DECREMENT:
      case POSTFIX_DECREMENT:
        return new String[] {"an assignment inside an expression", "Make the assignment a statement of its own."};
      case INSTANCE_OF: return new String[] {"instanceof",
          "Remove it: the subset has only double, int and boolean values and double arrays."};
      case SWITCH_EXPRESSION: return new String[] {"a switch expression", "Write it with ?: or if / else."};
      default: return new String[] {"a " + e.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '),
          "Write it with +, -, *, /, comparisons, &&, ||, !, ?: and java.lang.Math calls."};
    }
  }

  private static final String NEW_ARRAY_REWRITE = "Write new double[n] and fill it in a for loop (array initializers "
      + "{...} and double[][] locals are not supported).";

  private CollapsarException unsupported(Tree t, String what, String rewrite) {
    return new CollapsarException(Messages.unsupportedExpression(what, rewrite), site(t));
  }

  private Site site(Tree t) {
    return new Site.InTree(t, unit);
  }
}
