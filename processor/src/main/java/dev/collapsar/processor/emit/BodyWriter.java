package dev.collapsar.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import java.util.List;

/** Writes generated statements as Java source. */
final class BodyWriter {
  private BodyWriter() {}

  static CodeBlock write(List<Statement> statements) {
    CodeBlock.Builder code = CodeBlock.builder();
    write(statements, code);
    return code.build();
  }

  static void write(List<Statement> statements, CodeBlock.Builder code) {
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      Statement next = i + 1 < statements.size() ? statements.get(i + 1) : null;
      if (LaneLoops.isLaneLoop(statements, i)) {
        LaneLoops.write(statements, i, code);
        i += 2;
      } else if (s instanceof Statement.Declare d && next instanceof Statement.Set set && set.name().equals(d.name())) {
        // a declaration with its first value: one statement
        code.addStatement("$L $N = $L", d.type().java(), d.name(), ExpressionPrinter.print(set.value()));
        i++;
      } else {
        write(s, code);
      }
    }
  }

  static void write(Statement s, CodeBlock.Builder code) {
    if (s instanceof Statement.Let let) {
      code.addStatement("$L $N = $L", let.value().type().java(), let.name(), ExpressionPrinter.print(let.value()));
    } else if (s instanceof Statement.Declare declare) {
      code.addStatement("$L $N", declare.type().java(), declare.name());
    } else if (s instanceof Statement.Set set) {
      code.addStatement("$N = $L", set.name(), ExpressionPrinter.print(set.value()));
    } else if (s instanceof Statement.Branch branch) {
      code.beginControlFlow("if ($L)", ExpressionPrinter.print(branch.condition()));
      write(branch.then(), code);
      if (!branch.otherwise().isEmpty()) {
        code.nextControlFlow("else");
        write(branch.otherwise(), code);
      }
      code.endControlFlow();
    } else if (s instanceof Statement.Store store) {
      code.addStatement("$L[$L] = $L", ExpressionPrinter.print(store.array()), ExpressionPrinter.print(store.index()),
          ExpressionPrinter.print(store.value()));
    } else if (s instanceof Statement.Loop loop) {
      code.beginControlFlow("while ($L)", ExpressionPrinter.print(loop.condition()));
      write(loop.body(), code);
      code.endControlFlow();
    } else if (s instanceof Statement.CheckLength check) {
      code.beginControlFlow("if ($N.length != $L)", check.array(), check.length());
      code.addStatement("throw new $T($S + $N.length)", IllegalArgumentException.class,
          check.array() + ".length must be " + check.length() + ", was ", check.array());
      code.endControlFlow();
    } else if (s instanceof Statement.CheckRows check) {
      String i = check.index();
      String row = check.matrix() + "[" + i + "]";
      boolean literal = check.length().chars().allMatch(Character::isDigit);
      code.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, check.matrix(), i);
      code.beginControlFlow("if ($L.length != $L)", row, check.length());
      if (literal) {
        code.addStatement("throw new $T($S + $N + $S + $L.length)", IllegalArgumentException.class,
            check.matrix() + "[", i, "].length must be " + check.length() + ", was ", row);
      } else { // say what the expected length is, not only where it comes from
        code.addStatement("throw new $T($S + $N + $S + $L + $S + $L.length)", IllegalArgumentException.class,
            check.matrix() + "[", i, "].length must be " + check.length() + " = ", check.length(), ", was ", row);
      }
      code.endControlFlow();
      code.endControlFlow();
    } else if (s instanceof Statement.Outlined call) {
      code.addStatement("$N($L)", call.method(),
          String.join(", ", call.arguments().stream().map(Node.Ref::name).toList()));
    } else if (s instanceof Statement.Comment comment) {
      code.add("// $L\n", comment.text().replace('\n', ' '));
    }
  }
}
