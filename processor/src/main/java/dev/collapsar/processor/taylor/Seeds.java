package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The jets of the parameters: a differentiated coordinate starts as x₀ + t·vᵢ (its order-1
 * coefficient along direction v is the component vᵢ, a compile-time constant, so one-hot seeds
 * fold away; or, for a run-time-length array, an element of the direction's run-time row); every
 * other parameter is a constant of the operator.
 */
final class Seeds {
  private final JetArithmetic jets;
  private final Algebra alg;
  private final List<Coordinate> coordinates;
  private final SeedPlan plan;
  private final LaneSeeds lanes;
  private final PointAxis points;
  private final List<Statement> preconditions = new ArrayList<>();

  /** @param points the batch kernel's point axis, or null in a point kernel */
  Seeds(JetArithmetic jets, List<Coordinate> coordinates, SeedPlan plan, LaneSeeds lanes, PointAxis points) {
    this.jets = jets;
    this.alg = jets.algebra();
    this.coordinates = coordinates;
    this.plan = plan;
    this.lanes = lanes;
    this.points = points;
  }

  Value parameter(Source.Parameter p) {
    Node ref = alg.nodes().ref(p.name(), p.type());
    if (p.type() == Type.DOUBLE) {
      int i = indexOf(p.name(), -1);
      return new Value.Num(i < 0 ? jets.constant(ref) : seeded(primal(ref, i), i));
    }
    if (p.name().equals(plan.runTimeArray())) {
      return new Value.Array(ref, p.type(), null, index -> seededAt(alg.arrayLoad(ref, index), index));
    }
    if (p.type() == Type.DOUBLE_ARRAY && indexOf(p.name(), 0) >= 0) {
      List<Jet> elements = new ArrayList<>();
      for (int i = 0; indexOf(p.name(), i) >= 0; i++) {
        int c = indexOf(p.name(), i);
        elements.add(seeded(primal(alg.arrayLoad(ref, alg.nodes().constant(i, Type.INT)), c), c));
      }
      preconditions.add(new Statement.CheckLength(p.name(), elements.size()));
      return new Value.Array(ref, p.type(), elements.toArray(Jet[]::new));
    }
    if (p.type().isArray()) {
      return new Value.Array(ref, p.type(), null);
    }
    return new Value.Scalar(ref);
  }

  /**
   * Coordinate {@code c}'s value: the parameter's ({@code given}), or in a batch kernel, each point's,
   * {@code matrix[c][p]} in lane p ({@link PointAxis}).
   */
  private Node primal(Node given, int c) {
    if (points == null) {
      return given;
    }
    Node row = alg.arrayLoad(alg.nodes().ref(points.matrix(), Type.DOUBLE_MATRIX), alg.nodes().constant(c, Type.INT));
    return alg.arrayLoad(row, dev.collapsar.processor.ir.Lanes.index(alg.nodes(), points.width()));
  }

  List<Statement> preconditions() {
    return preconditions;
  }

  private Jet seeded(Node primal, int coordinate) {
    int groups = plan.groups().size();
    Node[][] first = new Node[groups][];
    Node[][] top = new Node[groups][];
    Node[] sums = new Node[groups];
    for (int g = 0; g < groups; g++) {
      SeedPlan.Group group = plan.groups().get(g);
      if (jets.layout().rows(g)) {
        laneSeed(g, coordinate, first, top, sums);
        continue;
      }
      int count = group.directions().size() + (Layouts.hasExtraDirection(group) ? 1 : 0);
      first[g] = new Node[count];
      top[g] = new Node[count];
      for (int d = 0; d < group.directions().size(); d++) {
        first[g][d] = group.directions().get(d).components()[coordinate];
      }
      Node b = group.firstOrder() == null ? alg.zero() : group.firstOrder()[coordinate];
      if (Layouts.hasExtraDirection(group)) {
        first[g][count - 1] = alg.zero();
        top[g][count - 1] = b;
      }
      sums[g] = b;
    }
    return jets.input(primal, first, top, sums);
  }

  /**
   * Coordinate a's seed in lane group g: its components as one lane value; first-order terms b ride
   * in the extra direction, the last lane, as its top coefficient.
   */
  private void laneSeed(int g, int coordinate, Node[][] first, Node[][] top, Node[] sums) {
    SeedPlan.Group group = plan.groups().get(g);
    Node b = group.firstOrder() == null ? alg.zero() : group.firstOrder()[coordinate];
    int width = jets.layout().group(g).directions();
    first[g] = new Node[] {lanes.first(g, coordinate)};
    top[g] = new Node[] {Layouts.hasExtraDirection(group) && !Algebra.isZero(b)
        ? dev.collapsar.processor.ir.Lanes.oneHot(alg.nodes(), alg.nodes().constant(width - 1, Type.INT), width, b)
        : null};
    sums[g] = b;
  }

  /** Element {@code index} of the run-time-length coordinates: component {@code row[index]} per direction. */
  private Jet seededAt(Node primal, Node index) {
    SeedPlan.Group group = plan.groups().get(0);
    List<Node> components = new ArrayList<>();
    for (SeedPlan.Direction direction : group.directions()) {
      components.add(alg.arrayLoad(direction.row(), index));
    }
    Node[][] first = {components.toArray(Node[]::new)};
    if (jets.layout().rows(0)) {
      Node lane = LaneVectors.template(alg, components);
      if (lane == null) {
        throw new IllegalStateException("run-time rows without a lane form: " + components.get(0));
      }
      first[0] = new Node[] {lane};
    }
    Node[][] top = {new Node[first[0].length]};
    return jets.input(primal, first, top, new Node[] {alg.zero()});
  }

  private int indexOf(String parameter, int index) {
    for (int i = 0; i < coordinates.size(); i++) {
      Coordinate c = coordinates.get(i);
      if (c.parameter().equals(parameter) && c.index() == index) {
        return i;
      }
    }
    return -1;
  }
}
