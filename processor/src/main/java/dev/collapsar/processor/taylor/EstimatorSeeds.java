package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.operator.EstimatorPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed plan of a randomized operator estimator: one jet group per randomized family with S
 * directions A·vₛ (vₛ the rows of a {@code double[][]} parameter), weight c/S, plus the exact
 * lower-order terms folded into the first group's seed as usual.
 */
public final class EstimatorSeeds {
  private final Algebra alg;
  private final Coefficients coefficients;
  private final PlanSeeds exact;

  public EstimatorSeeds(Algebra algebra, Source.Function entry) {
    this.alg = algebra;
    this.coefficients = new Coefficients(algebra, entry);
    this.exact = new PlanSeeds(algebra, entry);
  }

  /** The seeds; {@code rows} names the matrix of random vectors (S rows). */
  public SeedPlan seeds(EstimatorPlan plan, Estimator estimator, boolean collapsed, String rows) {
    return seeds(plan, estimator.samples(), alg.num(estimator.samples()), alg.one(), collapsed, rows);
  }

  /**
   * The seeds of one pass of a run-time-S estimator: {@code lanes} rows of {@code rows}, weights c/S
   * with S the run-time int {@code samples}, and the exact lower-order terms scaled by the run-time
   * double {@code exact} (1 in the first pass, 0 in the others, so that they are added once).
   */
  public SeedPlan seeds(EstimatorPlan plan, int lanes, String samples, String exact, boolean collapsed, String rows) {
    Node count = alg.nodes().ref(samples, Type.INT);
    return seeds(plan, lanes, count, alg.nodes().ref(exact, Type.DOUBLE), collapsed, rows);
  }

  private SeedPlan seeds(EstimatorPlan plan, int lanes, Node samples, Node exactScale, boolean collapsed,
      String rows) {
    List<Coordinate> coordinates = PlanSeeds.coordinates(plan.exact());
    SeedPlan exactSeeds = exact.seeds(plan.exact(), collapsed);
    Node[] firstOrder = exactSeeds.groups().get(0).firstOrder();
    if (firstOrder != null) {
      firstOrder = java.util.Arrays.stream(firstOrder).map(b -> alg.mul(exactScale, b)).toArray(Node[]::new);
    }
    Node v = alg.nodes().ref(rows, Type.DOUBLE_MATRIX);
    List<SeedPlan.Group> groups = new ArrayList<>();
    for (int f = 0; f < plan.families().size(); f++) {
      EstimatorPlan.Family family = plan.families().get(f);
      Node weight = alg.div(coefficients.node(family.weight()), samples);
      List<SeedPlan.Direction> directions = new ArrayList<>();
      for (int s = 0; s < lanes; s++) {
        Node row = alg.arrayLoad(v, alg.nodes().constant(s, Type.INT));
        String name = plan.families().size() > 1 ? "f" + f + "s" + s : "s" + s;
        directions.add(new SeedPlan.Direction(name, components(family, coordinates.size(), row, v, s), weight));
      }
      groups.add(new SeedPlan.Group(family.order(), collapsed, directions, f == 0 ? firstOrder : null,
          "est" + (plan.families().size() > 1 ? f : "")));
    }
    List<Statement> checks = new ArrayList<>(exactSeeds.checks());
    for (EstimatorPlan.Family family : plan.families()) {
      if (family.kind() == EstimatorPlan.Kind.DIFFUSION) {
        checks.addAll(exact.matrixChecks(family.matrix(), family.rows().size()));
      }
    }
    return new SeedPlan(groups, alg.mul(exactScale, exactSeeds.zeroOrder()), null, checks);
  }

  /** The checks that the caller passes exactly S random vectors, each as long as the plan needs. */
  public List<Statement> checks(Estimator estimator, EstimatorPlan plan, String rows) {
    String length = plan.rowLength() >= 0 ? Integer.toString(plan.rowLength())
        : plan.families().get(0).matrix() + "[0].length";
    return List.of(new Statement.CheckLength(rows, estimator.samples()),
        new Statement.CheckRows(rows, length, exact.rowIndex()));
  }

  private Node[] components(EstimatorPlan.Family family, int dimension, Node row, Node v, int s) {
    Node[] c = new Node[dimension];
    java.util.Arrays.fill(c, alg.zero());
    List<Integer> rows = family.rows();
    for (int a = 0; a < rows.size(); a++) {
      switch (family.kind()) {
        case IDENTITY:
          c[rows.get(a)] = entry(row, a);
          break;
        case FACTOR: {
          Node sum = alg.zero();
          for (int k = 0; k < family.factor()[a].length; k++) {
            sum = alg.add(sum, alg.mul(alg.num(family.factor()[a][k]), entry(row, k)));
          }
          c[rows.get(a)] = sum;
          break;
        }
        default:
          c[rows.get(a)] = alg.crossDot(alg.nodes().ref(family.matrix(), Type.DOUBLE_MATRIX), a, v, s);
      }
    }
    return c;
  }

  private Node entry(Node row, int k) {
    return alg.arrayLoad(row, alg.nodes().constant(k, Type.INT));
  }
}
