package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.Node;
import java.util.List;

/**
 * What every active value carries: one {@link Group} per derivative order of the operator. A group
 * of order K over R directions keeps coefficients 1..K−1 per direction and, when collapsed, only the
 * weighted sum of the K-th coefficients; in standard mode the K-th coefficient per direction.
 * {@code rows}: whether the groups of at least {@link LaneStyle#MIN_LANES} directions are computed on
 * a lane axis, one node per order for all directions ({@link dev.collapsar.processor.ir.Lanes}), and
 * local arrays keep their coefficients as rows (written as direction loops,
 * {@link dev.collapsar.processor.ir.LaneStyle}). {@code points}: in a batch kernel, the block of points
 * every value is computed for at once (a lane axis of that width, {@link PointAxis}); 0 in a point
 * kernel.
 */
public record JetLayout(List<Group> groups, boolean rows, int points) {

  /**
   * @param order K, the order of the top coefficient (1..4)
   * @param collapsed whether the top coefficient is kept only as its weighted sum
   * @param directionNames one short identifier per direction, used to name locals ({@code x}, {@code v3})
   * @param weights the weight of each direction in the operator (constants or parameter expressions)
   * @param sumName the name of the summed top coefficient in locals ({@code lap}, {@code op})
   */
  public record Group(
      int order, boolean collapsed, List<String> directionNames, List<Node> weights, String sumName) {

    public Group {
      if (order < 1 || order > 4) {
        throw new IllegalArgumentException("order " + order);
      }
      if (directionNames.size() != weights.size()) {
        throw new IllegalArgumentException("one weight per direction");
      }
      directionNames = List.copyOf(directionNames);
      weights = List.copyOf(weights);
    }

    public int directions() {
      return directionNames.size();
    }
  }

  public JetLayout {
    groups = List.copyOf(groups);
  }

  public JetLayout(List<Group> groups) {
    this(groups, false, 0);
  }

  public JetLayout(List<Group> groups, boolean rows) {
    this(groups, rows, 0);
  }

  /** Whether every value has one number per point of a block (a batch kernel, {@link PointAxis}). */
  public boolean batch() {
    return points > 0;
  }

  /**
   * Whether group g is on a lane axis: its coefficients one node per order for all directions, in
   * local arrays as rows {@code c[i][d]} (else per direction, flat {@code c[i·R + d]}).
   */
  public boolean rows(int g) {
    return rows && group(g).directions() >= LaneStyle.MIN_LANES;
  }

  /** How many numbers a value's jet carries: the value, each kept coefficient, each collapsed sum. */
  public int components() {
    int count = 1;
    for (Group group : groups) {
      count += group.directions() * (group.collapsed() ? group.order() - 1 : group.order()) + (group.collapsed() ? 1 : 0);
    }
    return count;
  }

  /** The most directions of any group. */
  public int widest() {
    return groups.stream().mapToInt(Group::directions).max().orElse(0);
  }

  public Group group(int g) {
    return groups.get(g);
  }

  public int size() {
    return groups.size();
  }
}
