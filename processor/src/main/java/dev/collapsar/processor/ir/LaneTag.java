package dev.collapsar.processor.ir;

/**
 * What the Taylor stage knows about a local it named: it holds lane {@code index} (the direction)
 * of a family of locals that differ only in the direction ({@code s_x0_2}, {@code s_x1_2}, … are
 * lanes 0, 1, … of family {@code s_x_2}). The optimizer rolls runs of such locals into loops over
 * the direction index by these tags, never by reading the names.
 *
 * @param family a readable name for the family, unique to it within the method (the rolled array
 *     is named after it)
 * @param index the direction the local belongs to, 0-based within its jet group
 */
public record LaneTag(String family, int index) {}
