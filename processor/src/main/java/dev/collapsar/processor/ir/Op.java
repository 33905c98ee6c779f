package dev.collapsar.processor.ir;

/** Operators of both the source tree and the value graph. */
public enum Op implements Operator {
  NEG("-", 1), NOT("!", 1),
  ADD("+", 2), SUB("-", 2), MUL("*", 2), DIV("/", 2), REM("%", 2),
  LT("<", 2), LE("<=", 2), GT(">", 2), GE(">=", 2), EQ("==", 2), NE("!=", 2),
  AND("&&", 2), OR("||", 2);

  private final String symbol;
  private final int arity;

  Op(String symbol, int arity) {
    this.symbol = symbol;
    this.arity = arity;
  }

  public String symbol() {
    return symbol;
  }

  public int arity() {
    return arity;
  }

  /** True for operators whose result is boolean. */
  public boolean isComparison() {
    return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
  }

  public boolean isLogical() {
    return this == AND || this == OR || this == NOT;
  }
}
