package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a batch kernel ({@link PointAxis}) can compute all its points in step: nothing but doubles
 * may depend on the point. A branch or loop condition computed from a point's values, an int or
 * boolean local computed from them, or an array read at an index computed from them (a gather) would
 * make the points take different paths; such a method keeps the point-by-point batch.
 */
public final class PointDependence {
  private final Map<String, ?> laneLocals;
  private final Map<Integer, Boolean> depends = new HashMap<>();
  private String reason;

  private PointDependence(Map<String, ?> laneLocals) {
    this.laneLocals = laneLocals;
  }

  /** Why {@code batch} cannot run its points in step, or null if it can. */
  public static String of(JetProgram batch) {
    PointDependence check = new PointDependence(batch.laneLocals());
    check.statements(batch.body());
    return check.reason;
  }

  private void statements(List<Statement> statements) {
    for (Statement s : statements) {
      if (reason != null) {
        return;
      }
      if (s instanceof Statement.Let let) {
        local(let.name(), let.value());
      } else if (s instanceof Statement.Set set) {
        local(set.name(), set.value());
      } else if (s instanceof Statement.Branch branch) {
        condition(branch.condition(), "a branch");
        statements(branch.then());
        statements(branch.otherwise());
      } else if (s instanceof Statement.Loop loop) {
        condition(loop.condition(), "a loop condition");
        statements(loop.body());
      } else if (s instanceof Statement.Store store) {
        boolean lane = isPoint(store.index());
        if (depends(store.array()) || !lane && (depends(store.index()) || depends(store.value()))) {
          reject("an array element written at an index or with a value computed from the point's values");
        }
        depends(store.value());
      }
    }
  }

  private void local(String name, Node value) {
    if (depends(value) && value.type() != Type.LANES && !laneLocals.containsKey(name)) {
      reject("a " + value.type().name().toLowerCase(java.util.Locale.ROOT) + " computed from the point's values ("
          + name + ")");
    }
  }

  private void condition(Node condition, String what) {
    if (depends(condition)) {
      reject(what + " on the point's values");
    }
  }

  private void reject(String why) {
    if (reason == null) {
      reason = why;
    }
  }

  /** Whether {@code node} differs from point to point; notes a gather (an index that does) on the way. */
  private boolean depends(Node node) {
    Boolean known = depends.get(node.id());
    if (known != null) {
      return known;
    }
    boolean result = node.type() == Type.LANES;
    if (node instanceof Node.Apply apply) {
      if (apply.operator() == Special.LANE || apply.operator() == Special.ONE_HOT) {
        result = true;
      } else if (apply.operator() == Special.LANE_SUM || apply.operator() == Special.LANE_AT) {
        reject("a sum over directions on a lane axis");
      }
      for (int i = 0; i < apply.arity(); i++) {
        boolean argument = depends(apply.argument(i));
        if (argument && apply.operator() == Special.ARRAY_LOAD && i == 1 && !isPoint(apply.argument(1))) {
          reject("an array read at an index computed from the point's values");
        }
        result |= argument;
      }
    }
    depends.put(node.id(), result);
    return result;
  }

  private static boolean isPoint(Node index) {
    return index instanceof Node.Apply apply && apply.operator() == Special.LANE;
  }
}
