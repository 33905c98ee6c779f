package dev.collapsar.processor.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.diag.DiagnosticId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Syntax: what parses, and every syntax and linearity error with its id, column and wording. */
class OperatorParserTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "D[t] - 0.5*D[x,x]", "D[t,t] - c*c*D[x,x]", "D[t] + 0.5*sigma*sigma*s*s*D[s,s] + r*s*D[s] - r*u",
      "D[t] + D[x,x,x]", "D[x,x,y,y] + 3*D[x,x,x,y]", "biharmonic", "laplacian - 2*D[x[0]] + 3*u",
      "0.5*diffusion(S) + drift(b)", "(a+b)*u", "c*(D[x,x] + D[y,y])/2", "D[x,x]/2", "-u", "+u", "-(-D[x])",
      "1e-3*u + .5*u + 2.5E+2*u", "D*D[x,x]", "x[2]*D[x[0]]", " \tlaplacian\n",
      "D[t] - laplacian(x, y)", "2*biharmonic(x[0], x[2]) + laplacian(s)"})
  void validOperatorsParse(String text) {
    OperatorResult<OperatorSyntax> result = OperatorParser.parse(text);
    assertTrue(result.isOk(), () -> result.errors().toString());
  }

  @Test
  void laplacianOverNamedCoordinatesIsTheSumOfTheirSecondPartials() {
    OperatorSyntax laplacian = OperatorParser.parse("laplacian(x, y[1])").value();
    OperatorSyntax.Binary plus = assertInstanceOf(OperatorSyntax.Binary.class, laplacian);
    assertEquals(OperatorSyntax.BinaryOperator.PLUS, plus.operator());
    assertEquals(List.of(new OperatorSyntax.Variable("x", -1, 11), new OperatorSyntax.Variable("x", -1, 11)),
        assertInstanceOf(OperatorSyntax.Derivative.class, plus.left()).variables());
    assertEquals(List.of(new OperatorSyntax.Variable("y", 1, 14), new OperatorSyntax.Variable("y", 1, 14)),
        assertInstanceOf(OperatorSyntax.Derivative.class, plus.right()).variables());
    // biharmonic(a, b) = D[a,a,a,a] + D[a,a,b,b] + D[b,b,a,a] + D[b,b,b,b]: four terms
    OperatorSyntax biharmonic = OperatorParser.parse("biharmonic(a, b)").value();
    int terms = 0;
    for (OperatorSyntax s = biharmonic; s instanceof OperatorSyntax.Binary b; s = b.left()) {
      assertInstanceOf(OperatorSyntax.Derivative.class, b.right());
      terms++;
    }
    assertEquals(4, terms + 1);
  }

  @Test
  void aCoordinateNamedTwiceInLaplacianIsAnError() {
    OperatorResult<OperatorSyntax> result = OperatorParser.parse("D[t] - laplacian(x, y, x)");
    assertEquals(DiagnosticId.OPERATOR_SYNTAX, result.errors().get(0).problem().id());
    assertEquals(24, result.errors().get(0).column());
    assertTrue(result.errors().get(0).problem().render().contains("The variable x at column 24 is named twice in "
        + "laplacian(...)"), result.errors().get(0).problem().render());
  }

  @Test
  void treeShape() {
    OperatorSyntax tree = OperatorParser.parse("D[t] - r*x[1]*D[x[0],t]").value();
    OperatorSyntax.Binary minus = assertInstanceOf(OperatorSyntax.Binary.class, tree);
    assertEquals(OperatorSyntax.BinaryOperator.MINUS, minus.operator());
    assertEquals(6, minus.operatorColumn());
    OperatorSyntax.Binary times = assertInstanceOf(OperatorSyntax.Binary.class, minus.right());
    OperatorSyntax.Derivative d = assertInstanceOf(OperatorSyntax.Derivative.class, times.right());
    assertEquals(List.of(new OperatorSyntax.Variable("x", 0, 17), new OperatorSyntax.Variable("t", -1, 22)), d.variables());
    assertEquals(15, d.column());
    OperatorSyntax.Binary coefficient = assertInstanceOf(OperatorSyntax.Binary.class, times.left());
    assertEquals(new OperatorSyntax.Element("x", 1, 10), coefficient.right());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // text | id | column | a fragment of the message
      "D[t] + )| OPERATOR_SYNTAX | 8 | Expected a term such as `D[x,y]`, `u`, `laplacian` after `+` at column 8, found `)`.",
      "'D[x,x] + ' | OPERATOR_SYNTAX | 10 | after `+` at column 10, found the end of the operator.",
      "'' | OPERATOR_SYNTAX | 1 | Expected a term such as `D[x,y]`, `u`, `laplacian` at column 1, found the end",
      "2 u | OPERATOR_SYNTAX | 3 | Expected `+`, `-`, `*`, `/` or the end of the operator after `2` at column 3, found `u`.",
      "D[x,#] | OPERATOR_SYNTAX | 5 | Unexpected character `#` at column 5.",
      "1e+*u | OPERATOR_SYNTAX | 4 | Expected the digits of the exponent of `1e+` at column 4, found `*`.",
      "D[] | OPERATOR_SYNTAX | 3 | Expected a variable such as `x` or `x[0]` after `[` at column 3, found `]`.",
      "D[x | OPERATOR_SYNTAX | 4 | Expected `,` or `]` after `x` at column 4",
      "D[x[a]] | OPERATOR_SYNTAX | 5 | Expected an index such as `0` after `[` at column 5, found `a`.",
      "x[1.5]*u | OPERATOR_SYNTAX | 3 | Expected an index such as `0` at column 3, found `1.5`.",
      "diffusion(2) | OPERATOR_SYNTAX | 11 | Expected the name of a double[][] parameter after `(` at column 11",
      "drift(b | OPERATOR_SYNTAX | 8 | Expected `)` after `b` at column 8",
      "(D[x] | OPERATOR_SYNTAX | 6 | Expected `)`, `+`, `-`, `*` or `/` after `]` at column 6",
      "2*/u | OPERATOR_SYNTAX | 3 | Expected a coefficient or an atom such as `u` or `D[x,y]` after `*` at column 3, found `/`.",
      "D[x,x,x,x,y] | OPERATOR_ORDER | 1 | The derivative at column 1 has order 5, but the highest supported order is 4.",
      "sigma*sigma | OPERATOR_SYNTAX | 1 | The term at column 1 is a coefficient alone",
      "D[x] + 3 | OPERATOR_SYNTAX | 8 | The term at column 8 is a coefficient alone",
      "2 - 1 + D[x] | OPERATOR_SYNTAX | 1 | The term at column 1 is a coefficient alone",
      "u*D[x] | OPERATOR_SYNTAX | 3 | The atom at column 3 multiplies another atom",
      "2/u | OPERATOR_SYNTAX | 3 | The divisor at column 3 contains an atom",
      "1e999*u | OPERATOR_COEFFICIENT | 1 | The number 1e999 at column 1 is outside the range of double.",
      "1e-999*u | OPERATOR_COEFFICIENT | 1 | The number 1e-999 at column 1 is outside the range of double."})
  void syntaxErrors(String text, DiagnosticId id, int column, String message) {
    OperatorResult<OperatorSyntax> result = OperatorParser.parse(text);
    assertEquals(1, result.errors().size(), () -> "expected one error for " + text);
    OperatorError error = result.errors().get(0);
    assertEquals(id, error.problem().id());
    assertEquals(column, error.column());
    assertEquals(OperatorError.Where.VALUE, error.where());
    assertTrue(error.problem().message().contains(message), error.problem().message());
  }

  @Test
  void juxtapositionSuggestsTheStar() {
    OperatorError error = OperatorParser.parse("0.5 D[x,x]").errors().get(0);
    assertTrue(error.problem().hint().contains("`*`"), error.problem().hint());
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String text = "(".repeat(1000) + "u" + ")".repeat(1000);
    OperatorError error = OperatorParser.parse(text).errors().get(0);
    assertEquals(DiagnosticId.OPERATOR_SYNTAX, error.problem().id());
    assertTrue(error.problem().message().contains("nests more than"), error.problem().message());
    assertEquals(OperatorParser.MAX_NESTING + 1, error.column());
  }

  @Test
  void overlongTextIsRefused() {
    OperatorError error = OperatorParser.parse("u+".repeat(3000) + "u").errors().get(0);
    assertEquals(DiagnosticId.OPERATOR_SYNTAX, error.problem().id());
    assertEquals(OperatorParser.MAX_LENGTH + 1, error.column());
  }
}
