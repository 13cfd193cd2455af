package dev.dmvpn.virtualrack.router;

/**
 * The router's VTY lines: which are in use. A connection takes the lowest free line (IOS hands out vty0 first)
 * and gets none when all are busy.
 */
public final class LineTable {
  private final boolean[] busy;
  private final int[] uses;

  public LineTable(int vtys) {
    busy = new boolean[vtys];
    uses = new int[vtys];
  }

  /** The VTY number taken, or -1 when every line is busy. */
  public synchronized int acquireVty(int configured) {
    for (int i = 0; i < Math.min(configured, busy.length); i++) {
      if (!busy[i]) {
        busy[i] = true;
        uses[i]++;
        return i;
      }
    }
    return -1;
  }

  public synchronized void releaseVty(int vty) {
    if (vty >= 0 && vty < busy.length) {
      busy[vty] = false;
    }
  }

  public synchronized boolean isBusy(int vty) {
    return vty >= 0 && vty < busy.length && busy[vty];
  }

  public synchronized int uses(int vty) {
    return vty >= 0 && vty < uses.length ? uses[vty] : 0;
  }

  public int size() {
    return busy.length;
  }
}
