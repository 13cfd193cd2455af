package dev.dmvpn.harness.sequence;

/**
 * One thing wrong with an expectation file, printed as {@code FILE:LINE: field: message}.
 *
 * @param line 1-based; 0 when the problem concerns the whole file
 * @param field the dotted path of the field, e.g. {@code groups[1].ordered[0].match.nhrp.hopCount}
 */
public record SequenceProblem(String file, int line, String field, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + field + ": " + message;
  }
}
