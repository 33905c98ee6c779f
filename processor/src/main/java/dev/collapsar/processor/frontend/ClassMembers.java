package dev.collapsar.processor.frontend;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The members of the annotated method's class that a body may use: compile-time constants (read
 * through {@link VariableElement#getConstantValue()}) and static helper methods, whose bodies are
 * translated once each and inlined later.
 */
final class ClassMembers {
  private final TypeElement type;
  private final Elements elements;
  private final Trees trees;
  private final Map<String, Source.Function> helpers;

  ClassMembers(TypeElement type, Elements elements, Trees trees) {
    this(type, elements, trees, new LinkedHashMap<>());
  }

  private ClassMembers(TypeElement type, Elements elements, Trees trees, Map<String, Source.Function> helpers) {
    this.type = type;
    this.elements = elements;
    this.trees = trees;
    this.helpers = helpers;
  }

  /** The members of another class, sharing this compilation's translated helpers. */
  ClassMembers of(TypeElement other) {
    return new ClassMembers(other, elements, trees, helpers);
  }

  /**
   * The class a qualifier names: a qualified name, a class of the same package, an imported class,
   * or a {@code java.lang} class; null if none.
   */
  TypeElement resolveClass(String qualifier, com.sun.source.tree.CompilationUnitTree unit) {
    if (isOwnClass(qualifier)) {
      return type;
    }
    for (Element scope = type; scope instanceof TypeElement t; scope = t.getEnclosingElement()) {
      for (Element member : t.getEnclosedElements()) { // a nested class named by its simple name
        if (member instanceof TypeElement nested && nested.getSimpleName().contentEquals(qualifier)) {
          return nested;
        }
      }
      if (t.getSimpleName().contentEquals(qualifier)) {
        return t;
      }
    }
    for (com.sun.source.tree.ImportTree i : unit.getImports()) {
      String imported = i.getQualifiedIdentifier().toString();
      if (!i.isStatic() && imported.endsWith("." + qualifier)) {
        return elements.getTypeElement(imported);
      }
    }
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    for (String candidate : List.of(qualifier, pkg.isEmpty() ? qualifier : pkg + "." + qualifier, "java.lang." + qualifier)) {
      TypeElement t = elements.getTypeElement(candidate);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  Map<String, Source.Function> helpers() {
    return helpers;
  }

  boolean isOwnClass(String owner) {
    return owner.equals(type.getSimpleName().toString()) || owner.equals(type.getQualifiedName().toString());
  }

  /** A constant {@code owner.name} (owner null: the class and its enclosing classes), or null. */
  Source.Literal constant(String owner, String name, Object site) {
    TypeElement scope = owner == null ? type : ownerType(owner);
    for (Element e = scope; e instanceof TypeElement t; e = owner == null ? t.getEnclosingElement() : null) {
      for (Element member : t.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
          return literal((VariableElement) member, site);
        }
      }
    }
    return null;
  }

  private TypeElement ownerType(String owner) {
    if (isOwnClass(owner)) {
      return type;
    }
    TypeElement t = elements.getTypeElement(owner.contains(".") ? owner : "java.lang." + owner);
    return t != null ? t : elements.getTypeElement(owner);
  }

  private static Source.Literal literal(VariableElement field, Object site) {
    Object value = field.getConstantValue();
    boolean isFinalStatic = field.getModifiers().contains(Modifier.STATIC) && field.getModifiers().contains(Modifier.FINAL);
    if (!isFinalStatic || value == null) {
      throw new CollapsarException(Messages.unknownName(field.getSimpleName().toString()), site);
    }
    if (value instanceof Boolean b) {
      return new Source.Literal(b ? 1 : 0, Type.BOOLEAN, site);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return new Source.Literal(((Number) value).intValue(), Type.INT, site);
    }
    if (value instanceof Double || value instanceof Float) {
      return new Source.Literal(((Number) value).doubleValue(), Type.DOUBLE, site);
    }
    throw new CollapsarException(Messages.unsupportedType(field.asType().toString(), "the constant " + field.getSimpleName()), site);
  }

  /** A call of the static method {@code name} of this class, translated on first use. */
  Source.Invoke invoke(String name, List<Source.Expr> args, Object site) {
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    if (pkg.startsWith("java.") || pkg.startsWith("javax.")) {
      throw new CollapsarException(Messages.unsupportedCall(type.getSimpleName() + "." + name + "(...)",
          JdkCalls.rewrite(type.getSimpleName().toString(), name)), site);
    }
    ExecutableElement method = null;
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(name)
          && ((ExecutableElement) member).getParameters().size() == args.size()) {
        if (method != null) {
          throw new CollapsarException(Messages.unsupportedCall(name + "(...)",
              "Overloaded helpers with the same number of parameters cannot be told apart; rename one."), site);
        }
        method = (ExecutableElement) member;
      }
    }
    if (method == null) {
      throw new CollapsarException(Messages.unsupportedCall(name + "(...)",
          type.getSimpleName() + " has no method " + name + " with " + args.size() + " parameters; only java.lang.Math "
              + "functions and static methods of classes compiled together with this one can be called."), site);
    }
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      throw new CollapsarException(Messages.unsupportedCall(name + "(...)", "The helper must be static."), site);
    }
    String key = type.getQualifiedName() + "#" + name + "/" + args.size();
    if (!helpers.containsKey(key)) {
      helpers.put(key, null); // reserve: a recursive helper refers to itself while it is translated
      helpers.put(key, translate(method, key, site));
    }
    return new Source.Invoke(key, args, site);
  }

  private Source.Function translate(ExecutableElement method, String key, Object site) {
    TreePath path = trees.getPath(method);
    Tree tree = path == null ? null : path.getLeaf();
    if (!(tree instanceof MethodTree m) || m.getBody() == null) {
      throw new CollapsarException(Messages.noSource(method.getSimpleName().toString()), site);
    }
    return new FunctionTranslator(path.getCompilationUnit(), this).translate(method, m, key);
  }

  /** The key under which a method of this class is translated. */
  String key(ExecutableElement method) {
    return type.getQualifiedName() + "#" + method.getSimpleName() + "/" + method.getParameters().size();
  }
}
