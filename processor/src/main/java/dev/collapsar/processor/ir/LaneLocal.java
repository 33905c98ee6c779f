package dev.collapsar.processor.ir;

/**
 * A local of the Taylor stage's output that holds a value per lane ({@link Type#LANES}).
 *
 * @param width its number of lanes, the directions of its jet group
 * @param head the part of its name before the direction ({@code s_x} of {@code s_x_2}): lane c,
 *     written out on its own, is named {@code head + c} and the rest of the name ({@code s_x3_2}), as
 *     the per-direction local of direction {@code x3} is
 */
public record LaneLocal(int width, String head) {

  /** The name of lane {@code lane} of the lane local {@code local}, written out on its own. */
  public String laneName(String local, int lane) {
    return local.startsWith(head) ? head + lane + local.substring(head.length()) : local + "_" + lane;
  }
}
