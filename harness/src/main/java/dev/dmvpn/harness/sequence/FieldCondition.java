package dev.dmvpn.harness.sequence;

import java.util.List;

/**
 * One test on one decoded field of a frame.
 *
 * @param field a field name as {@code decode} prints it, flattened ({@code nhrp.cies[0].clientNbma}); an index
 *     may be {@code [*]} (any element) or {@code [last]}
 * @param operands the values as written (may hold {@code ${name}}); one, except for {@link Operator#IN}; none for
 *     {@code present}
 * @param line the line of the condition in its file
 */
public record FieldCondition(String field, Operator operator, List<String> operands, int line) {
  public FieldCondition {
    operands = List.copyOf(operands);
  }

  /** The expectation as the report shows it, before variables are substituted. */
  public String describe() {
    return switch (operator) {
      case PRESENT, MISSING -> field + " " + operator.symbol();
      case IN -> field + " in " + operands;
      default -> field + " " + operator.symbol() + " " + operands.get(0);
    };
  }
}
