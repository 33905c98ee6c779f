package dev.collapsar.processor.diag;

import java.util.Objects;

/**
 * One thing the processor cannot accept, before it is placed in the source: an id, a full sentence,
 * and a hint (possibly empty). Stages return problems instead of throwing; the frontend attaches
 * each to the tree it concerns and the {@link Reporter} prints it.
 *
 * @param id the stable diagnostic id
 * @param message a full sentence naming the construct
 * @param hint what to do instead, or an empty string
 */
public record Problem(DiagnosticId id, String message, String hint) {

  public Problem {
    Objects.requireNonNull(id);
    Objects.requireNonNull(message);
    Objects.requireNonNull(hint);
  }

  /**
   * The text javac shows: tag, sentence, hint, and where the id is explained (named, not linked: a
   * user of the jars has no docs folder).
   */
  public String render() {
    StringBuilder text = new StringBuilder(id.tag()).append(' ').append(message);
    if (!hint.isEmpty()) {
      text.append(" Hint: ").append(hint);
    }
    return text.append(" (Collapsar docs: diagnostics, ").append(id.shortName()).append(')').toString();
  }
}
