package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.operator.Direction;
import dev.collapsar.processor.operator.DriftTerm;
import dev.collapsar.processor.operator.FirstOrderTerm;
import dev.collapsar.processor.operator.JetGroup;
import dev.collapsar.processor.operator.OperatorPlan;
import dev.collapsar.processor.operator.RuntimeDirections;
import dev.collapsar.processor.operator.WeightedDirection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the operator stage's {@link OperatorPlan} into the {@link SeedPlan} the transform runs.
 *
 * <p>{@code diffusion(S)} is expanded here with the dimension known at compile time: with
 * M = S·Sᵀ computed at run time (entries {@code crossDot(S, a, S, b)}), Tr(M ∇²u) =
 * Σ_{a<b} M_ab ∂²u[e_a + e_b] + Σ_a (M_aa − Σ_{b≠a} M_ab) ∂²u[e_a]: the polarization plan with
 * run-time weights, exact for any number R of columns of S, with D(D+1)/2 two-sparse directions.
 */
public final class PlanSeeds {
  private final Algebra alg;
  private final Coefficients coefficients;
  /** A name for the loop over a matrix's rows in argument checks: no parameter has it. */
  private final String rowIndex;

  public PlanSeeds(Algebra algebra, Source.Function entry) {
    this.alg = algebra;
    this.coefficients = new Coefficients(algebra, entry);
    this.rowIndex = rowIndex(entry);
  }

  static String rowIndex(Source.Function entry) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    entry.parameters().forEach(p -> taken.add(p.name()));
    return dev.collapsar.processor.ir.FreshName.of("row", "", taken::contains);
  }

  /**
   * What the caller's arrays must look like for this plan: a drift vector has one entry per
   * coordinate it ranges over, a diffusion matrix one row per coordinate and rows of one length. A
   * longer array would otherwise be accepted silently, a shorter one fail with a bare index error.
   */
  List<Statement> checks(OperatorPlan plan) {
    List<Statement> checks = new ArrayList<>();
    for (DriftTerm d : plan.drifts()) {
      checks.add(new Statement.CheckLength(d.vectorParameter(), d.rowCoordinates().size()));
    }
    for (JetGroup g : plan.groups()) {
      for (RuntimeDirections r : g.runtime()) {
        checks.addAll(matrixChecks(r.matrixParameter(), r.rowCoordinates().size()));
      }
    }
    return checks;
  }

  /** {@code matrix} has {@code rows} rows, all as long as its first. */
  List<Statement> matrixChecks(String matrix, int rows) {
    return List.of(new Statement.CheckLength(matrix, rows),
        new Statement.CheckRows(matrix, matrix + "[0].length", rowIndex));
  }

  String rowIndex() {
    return rowIndex;
  }

  public static List<Coordinate> coordinates(OperatorPlan plan) {
    return plan.coordinates();
  }

  public SeedPlan seeds(OperatorPlan plan, boolean collapsed) {
    List<Coordinate> coordinates = coordinates(plan);
    Node[] firstOrder = plan.hasFirstOrder() ? firstOrder(plan, coordinates.size()) : null;
    List<SeedPlan.Group> groups = new ArrayList<>();
    boolean named = plan.groups().size() > 1;
    for (JetGroup g : plan.groups()) {
      Node[] carried = g.order() == plan.firstOrderCarrier() ? firstOrder : null;
      groups.add(new SeedPlan.Group(g.order(), collapsed, directions(g, coordinates, named), carried, "s" + g.order()));
    }
    if (groups.isEmpty()) {
      groups.add(new SeedPlan.Group(1, collapsed, List.of(), firstOrder, "s1"));
    }
    return new SeedPlan(groups, coefficients.node(plan.zeroOrder()), null, checks(plan));
  }

  private List<SeedPlan.Direction> directions(JetGroup g, List<Coordinate> coordinates, boolean named) {
    Map<Direction, Node> weights = new LinkedHashMap<>();
    for (WeightedDirection d : g.directions()) {
      weights.merge(d.direction(), coefficients.node(d.weight()), alg::add);
    }
    for (RuntimeDirections r : g.runtime()) {
      polarize(r, weights);
    }
    List<SeedPlan.Direction> directions = new ArrayList<>();
    int index = 0;
    for (Map.Entry<Direction, Node> e : weights.entrySet()) {
      Direction v = e.getKey();
      Node[] components = new Node[coordinates.size()];
      for (int i = 0; i < components.length; i++) {
        components[i] = alg.num(v.componentAt(i));
      }
      String name = v.isBasis() ? coordinates.get(v.index(0)).identifier() : "v" + index;
      directions.add(new SeedPlan.Direction(named ? "k" + g.order() + name : name, components, e.getValue()));
      index++;
    }
    return directions;
  }

  /** The polarization plan of c·Tr(S Sᵀ ∇²u) with run-time weights (see the class comment). */
  private void polarize(RuntimeDirections r, Map<Direction, Node> weights) {
    Node c = coefficients.node(r.weight());
    Node matrix = alg.nodes().ref(r.matrixParameter(), Type.DOUBLE_MATRIX);
    List<Integer> rows = r.rowCoordinates();
    for (int a = 0; a < rows.size(); a++) {
      Node diagonal = alg.crossDot(matrix, a, matrix, a);
      for (int b = 0; b < rows.size(); b++) {
        if (b == a) {
          continue;
        }
        Node mab = alg.crossDot(matrix, Math.min(a, b), matrix, Math.max(a, b));
        diagonal = alg.sub(diagonal, mab);
        if (a < b) {
          Direction pair = Direction.of(Map.of(rows.get(a), 1.0, rows.get(b), 1.0));
          weights.merge(pair, alg.mul(c, mab), alg::add);
        }
      }
      weights.merge(Direction.basis(rows.get(a)), alg.mul(c, diagonal), alg::add);
    }
  }

  /** b with b·∇u = Σ first-order terms + Σ drifts, one node per coordinate. */
  private Node[] firstOrder(OperatorPlan plan, int dimension) {
    Node[] b = new Node[dimension];
    java.util.Arrays.fill(b, alg.zero());
    for (FirstOrderTerm t : plan.firstOrder()) {
      b[t.coordinate()] = alg.add(b[t.coordinate()], coefficients.node(t.weight()));
    }
    for (DriftTerm d : plan.drifts()) {
      Node vector = alg.nodes().ref(d.vectorParameter(), Type.DOUBLE_ARRAY);
      Node c = coefficients.node(d.weight());
      for (int r = 0; r < d.rowCoordinates().size(); r++) {
        int coordinate = d.rowCoordinates().get(r);
        Node component = alg.arrayLoad(vector, alg.nodes().constant(r, Type.INT));
        b[coordinate] = alg.add(b[coordinate], alg.mul(c, component));
      }
    }
    return b;
  }
}
