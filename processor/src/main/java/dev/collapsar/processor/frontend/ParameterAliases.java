package dev.collapsar.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which local array variables of a method may refer to a parameter's array. In Java {@code double[] h
 * = x;} makes h a second name for the caller's array, so {@code h[0] = …} changes x; the generated
 * operator cannot do that (it would write into the caller's coordinates), so such writes are
 * rejected. A local is an alias when any value assigned to it, anywhere in the method, is not a fresh
 * array ({@code new double[n]}, <code>{…}</code>) or another local that is not an alias: the analysis
 * ignores statement order, because a loop can run an earlier write after a later {@code h = x}.
 */
final class ParameterAliases {
  /** For each local that may alias a parameter array, the parameter (or "a parameter" if unknown). */
  private final Map<String, String> aliases;

  private ParameterAliases(Map<String, String> aliases) {
    this.aliases = aliases;
  }

  static ParameterAliases of(MethodTree method) {
    Set<String> parameters = new java.util.HashSet<>();
    method.getParameters().forEach(p -> parameters.add(p.getName().toString()));
    Map<String, List<ExpressionTree>> sources = new LinkedHashMap<>();
    List<AssignmentTree> assignments = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        if (v.getType() instanceof com.sun.source.tree.ArrayTypeTree) {
          List<ExpressionTree> values = sources.computeIfAbsent(v.getName().toString(), k -> new ArrayList<>());
          if (v.getInitializer() != null) {
            values.add(v.getInitializer());
          }
        }
        return super.visitVariable(v, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        assignments.add(a);
        return super.visitAssignment(a, unused);
      }
    }.scan(method.getBody(), null);
    for (AssignmentTree a : assignments) {
      if (unwrap(a.getVariable()) instanceof IdentifierTree id && sources.containsKey(id.getName().toString())) {
        sources.get(id.getName().toString()).add(a.getExpression());
      }
    }
    sources.keySet().removeAll(parameters);
    return new ParameterAliases(solve(sources, parameters));
  }

  /** Whether {@code local} may name a parameter's array; then the parameter, else null. */
  String parameterOf(String local) {
    return aliases.get(local);
  }

  /** Spreads "may alias" along local-to-local assignments until nothing changes. */
  private static Map<String, String> solve(Map<String, List<ExpressionTree>> sources, Set<String> parameters) {
    Map<String, String> aliases = new HashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<ExpressionTree>> local : sources.entrySet()) {
        if (aliases.containsKey(local.getKey())) {
          continue;
        }
        for (ExpressionTree value : local.getValue()) {
          String parameter = parameterBehind(unwrap(value), sources, parameters, aliases);
          if (parameter != null) {
            aliases.put(local.getKey(), parameter);
            changed = true;
            break;
          }
        }
      }
    }
    return aliases;
  }

  /** The parameter a value may refer to, "a parameter" when it cannot be told, null for a fresh array. */
  private static String parameterBehind(Tree value, Map<String, List<ExpressionTree>> sources,
      Set<String> parameters, Map<String, String> aliases) {
    if (value instanceof NewArrayTree) {
      return null;
    }
    if (value instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (parameters.contains(name)) {
        return name;
      }
      if (sources.containsKey(name)) {
        return aliases.get(name); // null until (unless) that local turns out to be an alias
      }
      return null; // not an array local (a scalar, or a name the translator will reject)
    }
    if (value instanceof com.sun.source.tree.ArrayAccessTree row) { // w[i]: a row of a parameter matrix
      return parameterBehind(unwrap(row.getExpression()), sources, parameters, aliases);
    }
    return "a parameter";
  }

  private static Tree unwrap(Tree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t;
  }
}
