package dev.collapsar.processor.ir;

import java.util.List;
import java.util.Map;

/**
 * The user's method as the frontend read it: a small, typed syntax tree of the supported subset.
 * Every node keeps an opaque {@code site} (the frontend's handle on the source tree) so that later
 * stages can report a problem at the exact expression without knowing javac.
 */
public final class Source {
  private Source() {}

  /** An expression of the source subset. */
  public sealed interface Expr
      permits Literal, Name, Unary, Binary, Conditional, MathCall, Invoke, ArrayRead, Length, NewArray {
    Object site();
  }

  /** A number or boolean literal, or a compile-time constant the frontend resolved. */
  public record Literal(double value, Type type, Object site) implements Expr {}

  /** A parameter or local variable. */
  public record Name(String name, Object site) implements Expr {}

  public record Unary(Op op, Expr operand, Object site) implements Expr {}

  public record Binary(Op op, Expr left, Expr right, Object site) implements Expr {}

  public record Conditional(Expr condition, Expr then, Expr otherwise, Object site)
      implements Expr {}

  public record MathCall(MathFn fn, List<Expr> arguments, Object site) implements Expr {}

  /** A call of another static method of the same class, by its {@link Function#key()}. */
  public record Invoke(String key, List<Expr> arguments, Object site) implements Expr {}

  public record ArrayRead(Expr array, Expr index, Object site) implements Expr {}

  public record Length(Expr array, Object site) implements Expr {}

  /** {@code new double[length]}: a local array of doubles, zero-filled. */
  public record NewArray(Expr length, Object site) implements Expr {}

  /** A statement; {@code text} is its one-line source form, kept for comments in the output. */
  public sealed interface Stmt permits Declare, Assign, ArrayAssign, If, For, Return, Block {
    Object site();
  }

  /** {@code type name = init;} ({@code init} may be null). */
  public record Declare(String name, Type type, Expr init, String text, Object site)
      implements Stmt {}

  /** {@code name = value;} or, with {@code compound} not null, {@code name op= value;}. */
  public record Assign(String name, Op compound, Expr value, String text, Object site)
      implements Stmt {}

  /** {@code array[index] = value;} or, with {@code compound} not null, {@code array[index] op= value;}. */
  public record ArrayAssign(String array, Expr index, Op compound, Expr value, String text, Object site)
      implements Stmt {}

  public record If(Expr condition, Block then, Block otherwise, String text, Object site)
      implements Stmt {}

  /** A {@code for} loop; the processor unrolls it when its trip count is a compile-time constant. */
  public record For(
      List<Stmt> init, Expr condition, List<Stmt> update, Block body, String text, Object site)
      implements Stmt {}

  public record Return(Expr value, String text, Object site) implements Stmt {}

  public record Block(List<Stmt> statements, Object site) implements Stmt {}

  /** A formal parameter. */
  public record Parameter(String name, Type type) {}

  /**
   * One method of the subset: the annotated one or a helper it calls.
   *
   * @param key a name unique among the class's methods, {@code name/arity}
   */
  public record Function(
      String key, String name, List<Parameter> parameters, Type returnType, Block body, Object site) {}

  /** The annotated method and every helper it may call, by key. */
  public record Program(Function entry, Map<String, Function> helpers) {}
}
