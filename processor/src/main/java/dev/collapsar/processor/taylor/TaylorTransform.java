package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The Taylor stage's entry: seeds the differentiated coordinates along the plan's directions,
 * executes the method symbolically, and returns the jet program with its outputs.
 */
public final class TaylorTransform {
  private final Algebra alg;

  private final LaneStyle style;
  private final java.util.function.Predicate<JetProgram> fits;
  private final PointAxis points;

  /** A transform for bodies of any size ({@link #TaylorTransform(Algebra, LaneStyle, java.util.function.Predicate)}). */
  public TaylorTransform(Algebra algebra, LaneStyle style) {
    this(algebra, style, program -> true);
  }

  /**
   * @param style which jet groups are computed on a lane axis (and written as loops over the
   *     directions), which decides local arrays' layout
   * @param fits whether a program computed without a lane axis fits the methods it will be written
   *     into (no loop or branch too large for one); one that does not is computed on a lane axis
   */
  public TaylorTransform(Algebra algebra, LaneStyle style, java.util.function.Predicate<JetProgram> fits) {
    this(algebra, style, fits, null);
  }

  private TaylorTransform(Algebra algebra, LaneStyle style, java.util.function.Predicate<JetProgram> fits,
      PointAxis points) {
    this.alg = algebra;
    this.style = style;
    this.fits = fits;
    this.points = points;
  }

  /**
   * The same transform for a batch kernel: every entry then computes the operator for a block of
   * points at once ({@link PointAxis}), with the directions' jets unrolled, and stores it into
   * {@code points.out()}; the program has no outputs of its own (value, gradient and operator are 0).
   * An entry returns null when a value's jet carries more than {@link PointAxis#MAX_COMPONENTS}
   * numbers. Whether the result is a valid batch kernel: {@link PointDependence#of}.
   */
  public TaylorTransform withPoints(PointAxis axis) {
    TaylorTransform batch = new TaylorTransform(alg, LaneStyle.UNROLLED, program -> true, axis);
    batch.reserved.addAll(reserved);
    batch.reserved.add(axis.matrix());
    batch.reserved.add(axis.out());
    return batch;
  }

  public Algebra algebra() {
    return alg;
  }

  private final java.util.Set<String> reserved = new java.util.HashSet<>();

  /**
   * Names the generated method adds as parameters (directions, workspaces): no local of the
   * transformed body may take them.
   */
  public TaylorTransform reserve(String... names) {
    reserved.addAll(List.of(names));
    return this;
  }

  /**
   * The Laplacian plan: one group of order 2 over the basis directions e₁..e_D with weight 1.
   *
   * @param collapsed collapsed (the forward Laplacian) or standard Taylor mode
   */
  public JetProgram laplacian(Source.Program program, List<Coordinate> coordinates, boolean collapsed) {
    List<SeedPlan.Direction> basis = new ArrayList<>();
    for (int i = 0; i < coordinates.size(); i++) {
      Node[] components = new Node[coordinates.size()];
      java.util.Arrays.fill(components, alg.zero());
      components[i] = alg.one();
      basis.add(new SeedPlan.Direction(coordinates.get(i).identifier(), components, alg.one()));
    }
    SeedPlan plan = new SeedPlan(List.of(new SeedPlan.Group(2, collapsed, basis, null, "lap")), alg.zero());
    return transform(program, coordinates, plan);
  }

  /**
   * One pass of a blocked operator: Σ_l w·∂²u[v_l] over {@code lanes} directions given at run time as
   * the rows of the {@code double[][]} parameter {@code rows} (basis blocks for a run-time dimension,
   * random vectors for a run-time number of samples). The gradient outputs are the lanes' first
   * coefficients ∂u[v_l].
   *
   * @param coordinates the compile-time coordinates (empty when {@code runTimeArray} is set)
   * @param runTimeArray the coordinates' array when its length is known only at run time, or null
   * @param weight w, the weight of every direction
   */
  public JetProgram lanes(Source.Program program, List<Coordinate> coordinates, String runTimeArray,
      boolean collapsed, int lanes, String rows, Node weight) {
    Node matrix = alg.nodes().ref(rows, Type.DOUBLE_MATRIX);
    List<SeedPlan.Direction> directions = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      Node row = alg.arrayLoad(matrix, alg.nodes().constant(l, Type.INT));
      Node[] components = new Node[coordinates.size()];
      for (int i = 0; i < components.length; i++) {
        components[i] = alg.arrayLoad(row, alg.nodes().constant(i, Type.INT));
      }
      directions.add(new SeedPlan.Direction("l" + l, components, weight, row));
    }
    SeedPlan plan = new SeedPlan(List.of(new SeedPlan.Group(2, collapsed, directions, null, "lap")), alg.zero(),
        runTimeArray);
    return transform(program, coordinates, plan, List.of(), lanes);
  }

  /** The general entry: any operator that is a fixed combination of directional derivatives. */
  public JetProgram transform(Source.Program program, List<Coordinate> coordinates, SeedPlan plan) {
    return transform(program, coordinates, plan, List.of(), coordinates.size());
  }

  /**
   * The randomized Laplacian (1/S)·Σₛ ∂²u[vₛ] over the estimator's S directions, taken from the rows
   * of a {@code double[][]} parameter.
   */
  public JetProgram laplacianEstimate(Source.Program program, List<Coordinate> coordinates, boolean collapsed,
      RandomDirections directions) {
    SeedPlan plan = new SeedPlan(List.of(new SeedPlan.Group(2, collapsed, directions.directions(), null, "est")),
        alg.zero());
    return transform(program, coordinates, plan, directions.preconditions(), coordinates.size());
  }

  /** An operator estimate whose seeds read the random vectors from a parameter, after {@code checks}. */
  public JetProgram estimate(Source.Program program, List<Coordinate> coordinates, SeedPlan plan,
      List<Statement> checks) {
    return transform(program, coordinates, plan, checks, coordinates.size());
  }

  /**
   * Runs the method on a lane axis where the lane style rolls the widest group (the optimizer
   * decides whether to write it as loops or lane by lane). An unrolled body that does not fit a
   * method ({@code fits}) runs on the lane axis after all.
   */
  private JetProgram transform(Source.Program program, List<Coordinate> coordinates, SeedPlan plan,
      List<Statement> checks, int gradientSize) {
    JetLayout planned = Layouts.of(plan, alg.one());
    if (points != null) { // null: too many numbers per value for a block of points to pay
      return planned.components() > PointAxis.MAX_COMPONENTS ? null
          : transform(program, coordinates, plan, checks, gradientSize, planned, false);
    }
    boolean lanes = style.rolls(planned.widest());
    JetProgram run = transform(program, coordinates, plan, checks, gradientSize, planned, lanes);
    if (!lanes && planned.widest() >= LaneStyle.MIN_LANES && !fits.test(run)) {
      run = transform(program, coordinates, plan, checks, gradientSize, planned, true);
    }
    return run;
  }

  private JetProgram transform(Source.Program program, List<Coordinate> coordinates, SeedPlan plan,
      List<Statement> checks, int gradientSize, JetLayout planned, boolean rolled) {
    JetLayout layout = new JetLayout(planned.groups(), rolled, points == null ? 0 : points.width());
    NameAllocator names = new NameAllocator();
    Source.Function entry = program.entry();
    entry.parameters().forEach(p -> names.reserve(p.name()));
    reserved.forEach(names::reserve);
    Binder binder = new Binder(alg.nodes(), names, layout);
    Env env = new Env();
    List<Statement> body = new ArrayList<>();
    LaneSeeds lanes = LaneSeeds.of(plan, layout, alg, binder, body);
    Node[] laneWeights = new Node[layout.size()];
    java.util.Arrays.setAll(laneWeights, lanes::weight);
    JetArithmetic jets = new JetArithmetic(alg, layout, laneWeights);
    Seeds seeds = new Seeds(jets, coordinates, hoisted(plan, layout, binder, body), lanes, points);
    for (Source.Parameter p : entry.parameters()) {
      env.put(p.name(), seeds.parameter(p));
    }
    StatementExecutor executor =
        new StatementExecutor(program.helpers(), jets, binder, new Merger(alg.nodes(), binder));
    Jet result = executor.run(entry, env, body);
    Node operator = alg.add(operator(result, layout, jets), alg.mul(plan.zeroOrder(), result.primal()));
    List<Statement> preconditions = new ArrayList<>(seeds.preconditions());
    preconditions.addAll(plan.checks());
    preconditions.addAll(checks);
    if (points != null) { // lane p of the operator into out[p]; nothing returned
      body.add(new Statement.Store(alg.nodes().ref(points.out(), Type.DOUBLE_ARRAY),
          Lanes.index(alg.nodes(), points.width()), operator));
      return new JetProgram(entry.parameters(), preconditions, body, alg.zero(), List.of(), alg.zero(),
          binder.laneLocals(), true);
    }
    return new JetProgram(entry.parameters(), preconditions, body, result.primal(),
        gradient(result, layout, gradientSize), operator, binder.laneLocals(), executor.allocatedRows());
  }

  /** The first coefficients along the basis directions; on a lane axis, lane d of the lane value. */
  private List<Node> gradient(Jet result, JetLayout layout, int dimension) {
    List<Node> gradient = new ArrayList<>();
    if (layout.size() > 0 && layout.group(0).directions() == dimension) {
      for (int d = 0; d < dimension; d++) {
        gradient.add(result.kept(0) == 0 ? alg.zero() : !layout.rows(0) ? result.coefficient(0, d, 1)
            : laneAt(result.coefficient(0, 0, 1), d));
      }
    }
    return gradient;
  }

  private Node laneAt(Node lanes, int d) {
    return Lanes.varies(lanes)
        ? alg.nodes().apply(Type.DOUBLE, Special.LANE_AT, lanes, alg.nodes().constant(d, Type.INT))
        : lanes;
  }

  /** Σ over groups: the summed top coefficient, or Σ_d w_d·(top coefficient along d). */
  private Node operator(Jet result, JetLayout layout, JetArithmetic jets) {
    Node total = alg.zero();
    for (int g = 0; g < layout.size(); g++) {
      JetLayout.Group group = layout.group(g);
      int order = group.order();
      int at = g;
      if (group.collapsed() || layout.rows(g)) {
        total = alg.add(total, group.collapsed() ? result.sum(g)
            : jets.weightedSum(g, d -> result.coefficient(at, d, order)));
        continue;
      }
      for (int d = 0; d < group.directions(); d++) {
        total = alg.add(total, alg.mul(group.weights().get(d), result.coefficient(g, d, order)));
      }
    }
    return total;
  }


  /**
   * The plan with its computed seed components, {@code crossDot(S, a, rows, l)} = (S·rows_l)_a, bound
   * once at the top of {@code body}: inline, a loop that reads x[a] (a network's first layer, once per
   * unit) would recompute the dot product on every iteration. A group of at least
   * {@link LaneStyle#MIN_LANES} directions keeps them in one matrix, {@code seeds[a][l]}, together
   * with components read from a direction matrix ({@code v[l][a]}, transposed): a loop over the
   * coordinates then reads coordinate j's seeds as row j ({@link ExpressionEvaluator} gathers them),
   * not by comparing j with every coordinate (measured: {@code diffusion(S)} of the reference network
   * spent most of its time there) nor across the rows of {@code v} (a gather C2 cannot vectorize); a
   * smaller group keeps one local per computed component.
   */
  private SeedPlan hoisted(SeedPlan plan, JetLayout layout, Binder binder, List<Statement> body) {
    List<List<Node[]>> components = new ArrayList<>();
    int width = 0;
    for (SeedPlan.Group group : plan.groups()) {
      List<Node[]> ofGroup = new ArrayList<>();
      group.directions().forEach(d -> ofGroup.add(d.components().clone()));
      components.add(ofGroup);
      for (SeedPlan.Direction d : group.directions()) {
        width = Math.max(width, d.components().length);
      }
    }
    Node[] matrices = new Node[components.size()];
    for (int g = 0; g < components.size(); g++) {
      if (!layout.rows(g) && plan.groups().get(g).directions().size() >= LaneStyle.MIN_LANES
          && components.get(g).stream().flatMap(java.util.Arrays::stream).anyMatch(TaylorTransform::hoisted)) {
        String name = binder.mutable("seeds");
        // a negative serial: distinct from every allocation of LocalArrays, which counts from 0
        body.add(new Statement.Let(name, alg.nodes().apply(Type.DOUBLE_MATRIX, Special.NEW_ROWS,
            alg.nodes().constant(width, Type.INT), alg.nodes().constant(components.get(g).size(), Type.INT),
            alg.nodes().constant(-1 - g, Type.INT))));
        matrices[g] = alg.nodes().ref(name, Type.DOUBLE_MATRIX);
      }
    }
    // coordinate by coordinate
    for (int a = 0; a < width; a++) {
      for (int g = 0; g < components.size(); g++) {
        if (layout.rows(g)) {
          continue; // LaneSeeds wrote it
        }
        Node row = matrices[g] == null ? null : alg.arrayLoad(matrices[g], alg.nodes().constant(a, Type.INT));
        for (int d = 0; d < components.get(g).size(); d++) {
          Node[] c = components.get(g).get(d);
          if (a >= c.length || !(row != null ? hoisted(c[a]) : computed(c[a]))) {
            continue;
          }
          if (row != null) {
            Node lane = alg.nodes().constant(d, Type.INT);
            body.add(new Statement.Store(row, lane, c[a]));
            // written once, before any read: one version for all reads
            c[a] = alg.nodes().apply(Type.DOUBLE, Special.ARRAY_LOAD, row, lane, alg.nodes().constant(0, Type.INT));
          } else {
            String name = binder.fresh("seed_" + a + "_", plan.groups().get(g).directions().get(d).name());
            body.add(new Statement.Let(name, c[a]));
            c[a] = alg.nodes().ref(name, Type.DOUBLE);
          }
        }
      }
    }
    List<SeedPlan.Group> groups = new ArrayList<>();
    for (int g = 0; g < components.size(); g++) {
      SeedPlan.Group group = plan.groups().get(g);
      List<SeedPlan.Direction> directions = new ArrayList<>();
      for (int d = 0; d < group.directions().size(); d++) {
        SeedPlan.Direction direction = group.directions().get(d);
        directions.add(new SeedPlan.Direction(direction.name(), components.get(g).get(d), direction.weight(),
            direction.row()));
      }
      groups.add(new SeedPlan.Group(group.order(), group.collapsed(), directions, group.firstOrder(), group.sumName()));
    }
    return new SeedPlan(groups, plan.zeroOrder(), plan.runTimeArray(), plan.checks());
  }

  private static boolean computed(Node component) {
    return component instanceof Node.Apply apply && apply.operator() == Special.CROSS_DOT;
  }

  /** A computed component, or one read from a row of a direction matrix ({@code v[l][a]}). */
  private static boolean hoisted(Node component) {
    return computed(component) || component instanceof Node.Apply load && load.operator() == Special.ARRAY_LOAD
        && load.argument(0) instanceof Node.Apply row && row.operator() == Special.ARRAY_LOAD
        && row.argument(0) instanceof Node.Ref;
  }
}
