package dev.collapsar.processor.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/** Translates one method (the annotated one or a helper) into a {@link Source.Function}. */
final class FunctionTranslator {
  private final CompilationUnitTree unit;
  private final ClassMembers members;

  FunctionTranslator(CompilationUnitTree unit, ClassMembers members) {
    this.unit = unit;
    this.members = members;
  }

  Source.Function translate(ExecutableElement method, MethodTree tree, String key) {
    Type returns = Types.of(method.getReturnType());
    if (returns != Type.DOUBLE && returns != Type.INT) {
      throw new CollapsarException(Messages.returnType(method.getSimpleName().toString(), method.getReturnType().toString()),
          new Site.InTree(tree.getReturnType() != null ? tree.getReturnType() : tree, unit));
    }
    Scope scope = new Scope();
    List<Source.Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement p = method.getParameters().get(i);
      Type type = Types.of(p.asType());
      if (type == null) {
        throw new CollapsarException(Messages.parameterType(p.getSimpleName().toString(), p.asType().toString()),
            new Site.InTree(tree.getParameters().get(i), unit));
      }
      scope.declare(p.getSimpleName().toString(), type);
      parameters.add(new Source.Parameter(p.getSimpleName().toString(), type));
    }
    ExpressionTranslator expressions = new ExpressionTranslator(unit, scope, members);
    StatementTranslator statements = new StatementTranslator(unit, scope, expressions, ParameterAliases.of(tree));
    Source.Block body = statements.block(tree.getBody());
    statements.throwProblems();
    return new Source.Function(key, method.getSimpleName().toString(), parameters, returns, body, new Site.InTree(tree, unit));
  }
}
