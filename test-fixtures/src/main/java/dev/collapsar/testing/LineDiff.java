package dev.collapsar.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small line diff in unified style, for golden-file failures.
 *
 * <p>The common prefix and suffix are matched first; the middle is aligned by a longest common
 * subsequence. That table is quadratic, so past {@link #MAX_TABLE} cells the middle is shown as
 * removed then added, which is still readable and bounded in memory.
 */
final class LineDiff {
  private static final int CONTEXT = 2;
  private static final long MAX_TABLE = 4_000_000;

  /** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new text. */
  private record Edit(char op, int oldPos, int newPos, String text) {}

  private LineDiff() {}

  /**
   * A unified-style diff of two texts, showing at most {@code maxChanged} removed or added lines, each
   * hunk with two lines of context.
   */
  static String unified(String oldText, String newText, String oldName, String newName, int maxChanged) {
    List<Edit> edits = edits(lines(oldText), lines(newText));
    boolean[] shown = new boolean[edits.size()];
    int changed = 0;
    for (int i = 0; i < edits.size(); i++) {
      if (edits.get(i).op() != ' ') {
        changed++;
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(edits.size() - 1, i + CONTEXT); j++) {
          shown[j] = true;
        }
      }
    }
    StringBuilder out = new StringBuilder("--- ").append(oldName).append("\n+++ ").append(newName).append('\n');
    int printed = 0;
    for (int start = 0; start < edits.size() && printed < maxChanged; start++) {
      if (!shown[start]) {
        continue;
      }
      int end = start;
      while (end < edits.size() && shown[end]) {
        end++;
      }
      printed = hunk(out, edits.subList(start, end), printed, maxChanged);
      start = end;
    }
    if (changed > printed) {
      out.append("... (").append(changed - printed).append(" more differing lines not shown)\n");
    }
    return out.toString();
  }

  /**
   * The lines of a text, without the empty string after a final newline. A text that does not end
   * with a newline gets diff's marker line, so that this difference alone still shows.
   */
  private static String[] lines(String text) {
    if (text.isEmpty()) {
      return new String[0];
    }
    String[] lines = text.split("\n", -1);
    if (lines[lines.length - 1].isEmpty()) {
      return Arrays.copyOf(lines, lines.length - 1);
    }
    String[] marked = Arrays.copyOf(lines, lines.length + 1);
    marked[lines.length] = "\\ No newline at end of file";
    return marked;
  }

  /** Appends one hunk, stopping once {@code maxChanged} changed lines are printed in total. */
  private static int hunk(StringBuilder out, List<Edit> hunk, int printed, int maxChanged) {
    int oldCount = 0;
    int newCount = 0;
    for (Edit e : hunk) {
      oldCount += e.op() == '+' ? 0 : 1;
      newCount += e.op() == '-' ? 0 : 1;
    }
    out.append("@@ -").append(hunk.get(0).oldPos() + 1).append(',').append(oldCount)
        .append(" +").append(hunk.get(0).newPos() + 1).append(',').append(newCount).append(" @@\n");
    for (Edit e : hunk) {
      if (e.op() != ' ' && printed++ >= maxChanged) {
        return maxChanged;
      }
      out.append(e.op()).append(e.text()).append('\n');
    }
    return printed;
  }

  private static List<Edit> edits(String[] a, String[] b) {
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      edits.add(new Edit(' ', i, i, a[i]));
    }
    middle(a, b, prefix, a.length - suffix, b.length - suffix, edits);
    for (int k = suffix; k > 0; k--) {
      edits.add(new Edit(' ', a.length - k, b.length - k, a[a.length - k]));
    }
    return edits;
  }

  /** Aligns a[from, aEnd) with b[from, bEnd) by a longest common subsequence. */
  private static void middle(String[] a, String[] b, int from, int aEnd, int bEnd, List<Edit> edits) {
    int n = aEnd - from;
    int m = bEnd - from;
    if ((long) n * m > MAX_TABLE) {
      for (int i = from; i < aEnd; i++) {
        edits.add(new Edit('-', i, from, a[i]));
      }
      for (int j = from; j < bEnd; j++) {
        edits.add(new Edit('+', aEnd, j, b[j]));
      }
      return;
    }
    // lcs[i][j] = length of the LCS of a[from+i..aEnd) and b[from+j..bEnd)
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[from + i].equals(b[from + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[from + i].equals(b[from + j])) {
        edits.add(new Edit(' ', from + i, from + j, a[from + i]));
        i++;
        j++;
      } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', from + i, from + j, a[from + i]));
        i++;
      } else {
        edits.add(new Edit('+', from + i, from + j, b[from + j]));
        j++;
      }
    }
  }
}
