package dev.collapsar.processor.ir;

import java.util.List;

/**
 * The transformed method: a body without a return, and the nodes that the generated entry points
 * return or store after it.
 *
 * @param parameters the generated method's parameters (the user's, in order)
 * @param preconditions statements that check the arguments (e.g. an array's length) before the body
 * @param body the statements computing every jet
 * @param value the function value
 * @param gradient the first-order coefficients along the basis directions, one per coordinate
 *     (empty when the plan's directions are not the basis)
 * @param operator the operator's value
 * @param laneLocals the locals of the body that hold a value per lane ({@link Type#LANES})
 * @param rows whether a local array of the body keeps the coefficients of a lane axis as rows
 *     ({@code z_d1[i][d]}): its loops want direction loops
 */
public record JetProgram(
    List<Source.Parameter> parameters,
    List<Statement> preconditions,
    List<Statement> body,
    Node value,
    List<Node> gradient,
    Node operator,
    java.util.Map<String, LaneLocal> laneLocals,
    boolean rows) {

  public JetProgram {
    parameters = List.copyOf(parameters);
    preconditions = List.copyOf(preconditions);
    body = List.copyOf(body);
    gradient = List.copyOf(gradient);
    laneLocals = java.util.Map.copyOf(laneLocals);
  }

  /** The number of lanes of each lane local. */
  public java.util.Map<String, Integer> laneWidths() {
    java.util.Map<String, Integer> widths = new java.util.HashMap<>();
    laneLocals.forEach((name, local) -> widths.put(name, local.width()));
    return widths;
  }
}
