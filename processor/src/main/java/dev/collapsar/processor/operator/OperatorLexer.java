package dev.collapsar.processor.operator;

import dev.collapsar.processor.diag.OperatorMessages;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits operator text into tokens. Numbers follow Java's decimal literals without suffixes
 * ({@code 2}, {@code 0.5}, {@code .5}, {@code 1e-3}); names are Java identifiers.
 */
final class OperatorLexer {
  private final String text;
  private int pos;
  /** Set by {@link #number()} when a literal is malformed. */
  private OperatorError malformed;

  private OperatorLexer(String text) {
    this.text = text;
  }

  /** The tokens, ending with {@link Token.Kind#END}; or the error at the first bad character. */
  static OperatorResult<List<Token>> tokenize(String text) {
    return new OperatorLexer(text).run();
  }

  private OperatorResult<List<Token>> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos >= text.length()) {
        tokens.add(new Token(Token.Kind.END, "", pos + 1));
        return OperatorResult.of(tokens);
      }
      int start = pos;
      char c = text.charAt(pos);
      Token token;
      if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
        token = number();
      } else if (Character.isJavaIdentifierStart(c)) {
        token = name();
      } else {
        token = symbol(c);
      }
      if (malformed != null) {
        return OperatorResult.failed(List.of(malformed));
      }
      if (token == null) {
        return OperatorResult.failed(List.of(OperatorError.at(start + 1,
            OperatorMessages.badCharacter(text.substring(start, Math.min(text.length(), start + 1)), start + 1))));
      }
      tokens.add(token);
    }
  }

  private void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /** Digits, an optional fraction, an optional exponent; null and {@link #malformed} for {@code 1e}. */
  private Token number() {
    int start = pos;
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (digits() == 0) {
        String found = pos < text.length() ? "`" + text.charAt(pos) + "`" : "the end of the operator";
        malformed = OperatorError.at(pos + 1,
            OperatorMessages.malformedNumber(text.substring(start, pos), pos + 1, found));
        return null;
      }
    }
    return new Token(Token.Kind.NUMBER, text.substring(start, pos), start + 1);
  }

  private int digits() {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos - start;
  }

  private Token name() {
    int start = pos;
    pos++;
    while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return new Token(Token.Kind.NAME, text.substring(start, pos), start + 1);
  }

  private Token symbol(char c) {
    Token.Kind kind = switch (c) {
      case '+' -> Token.Kind.PLUS;
      case '-' -> Token.Kind.MINUS;
      case '*' -> Token.Kind.STAR;
      case '/' -> Token.Kind.SLASH;
      case '(' -> Token.Kind.OPEN_PAREN;
      case ')' -> Token.Kind.CLOSE_PAREN;
      case '[' -> Token.Kind.OPEN_BRACKET;
      case ']' -> Token.Kind.CLOSE_BRACKET;
      case ',' -> Token.Kind.COMMA;
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    pos++;
    return new Token(kind, String.valueOf(c), pos);
  }
}
