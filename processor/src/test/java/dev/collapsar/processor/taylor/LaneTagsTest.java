package dev.collapsar.processor.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.collapsar.processor.ir.LaneTag;
import dev.collapsar.processor.ir.NodeFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Taylor stage tells the optimizer which locals hold one direction of a jet ({@link LaneTag}),
 * so that no later stage has to read the lane out of a generated name: numbered directions are lanes
 * of one family per variable and order; unnumbered ones (scalar coordinates, the standard mode's
 * first-order direction {@code b}), primals and summed coefficients are not lanes; a name the
 * allocator had to suffix keeps its suffix in the family, so that it never joins another family's run.
 */
class LaneTagsTest {
  private final NodeFactory nodes = new NodeFactory();
  private final JetLayout layout = new JetLayout(List.of(new JetLayout.Group(2, false,
      List.of("x0", "x1", "x2", "b"), List.of(nodes.number(1), nodes.number(1), nodes.number(1), nodes.number(1)),
      "lap")));
  private final NameAllocator names = new NameAllocator();
  private final Binder binder = new Binder(nodes, names, layout);

  @Test
  void numberedDirectionsAreLanesOfOneFamilyPerVariableAndOrder() {
    String first = binder.mutable("s", new Jet.Component(0, 0, 1, false));
    String second = binder.mutable("s", new Jet.Component(0, 1, 1, false));
    String secondOrder = binder.mutable("s", new Jet.Component(0, 2, 2, false));
    assertEquals(List.of("s_x0", "s_x1", "s_x2_2"), List.of(first, second, secondOrder));
    assertEquals(new LaneTag("s_x", 0), binder.lanes().get("s_x0"));
    assertEquals(new LaneTag("s_x", 1), binder.lanes().get("s_x1"));
    assertEquals(new LaneTag("s_x_2", 2), binder.lanes().get("s_x2_2"));
  }

  @Test
  void unnumberedDirectionsPrimalsAndSumsAreNotLanes() {
    binder.mutable("s", new Jet.Component(0, 3, 1, false));
    binder.mutable("s", Jet.Component.PRIMAL);
    binder.mutable("s", new Jet.Component(0, -1, 0, true));
    assertEquals(Set.of(), binder.lanes().keySet());
  }

  @Test
  void anAllocatorSuffixStaysInTheFamily() {
    names.reserve("s_x1");
    String renamed = binder.mutable("s", new Jet.Component(0, 1, 1, false));
    assertEquals("s_x1_2", renamed);
    assertEquals(new LaneTag("s_x_2", 1), binder.lanes().get(renamed));
    String copy = binder.nextOf(renamed);
    assertEquals(new LaneTag("s_x_2_next", 1), binder.lanes().get(copy));
  }

  @Test
  void aTrialRunsTagsAreForgottenWithItsNames() {
    Set<String> before = binder.snapshot();
    String trial = binder.mutable("s", new Jet.Component(0, 0, 1, false));
    binder.restore(before);
    assertNull(binder.lanes().get(trial));
    assertFalse(binder.lanes().containsKey("s_x0"));
  }
}
