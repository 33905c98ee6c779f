package dev.collapsar.processor.operator;

/**
 * One token of the operator text.
 *
 * @param kind what it is
 * @param text the characters as written
 * @param column 1-based column of its first character
 */
record Token(Kind kind, String text, int column) {

  enum Kind { NUMBER, NAME, PLUS, MINUS, STAR, SLASH, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, COMMA, END }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isName(String name) {
    return kind == Kind.NAME && text.equals(name);
  }

  /** How messages quote it: {@code `)`}, or "the end of the operator". */
  String quoted() {
    return kind == Kind.END ? "the end of the operator" : "`" + text + "`";
  }
}
