package dev.dmvpn.topology.load;

/**
 * One thing wrong with a testbed, printed as {@code FILE:LINE: field: message}.
 *
 * @param file the file as the user named it ({@code <generated>} for testbeds built in code)
 * @param line 1-based; 0 when the problem concerns the whole file
 * @param field the dotted path of the field, e.g. {@code devices.sv9-2.connections.vty.port}
 */
public record TestbedProblem(String file, int line, String field, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + field + ": " + message;
  }
}
