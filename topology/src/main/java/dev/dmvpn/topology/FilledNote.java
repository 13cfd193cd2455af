package dev.dmvpn.topology;

/**
 * A {@code filled:} note: the testbed supplies something its source document does not say. Kept in the model so
 * reports can list what is the document's and what the testbed added.
 *
 * @param path where the note sits, e.g. {@code devices.sv9-2} or {@code dmvpn.hub}
 */
public record FilledNote(String path, String text) {}
