package dev.dmvpn.harness.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Used heap after forced garbage collections, and the per-class growth between two points from the JVM's class
 * histogram (the {@code GC.class_histogram} diagnostic command that {@code jcmd} runs, called in process, which
 * also collects first).
 */
final class HeapMeter {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private long baselineBytes;
  private Map<String, long[]> baselineHistogram = Map.of();

  /** Records the used heap and class histogram to compare later states with. */
  void baseline() {
    baselineHistogram = histogram();
    baselineBytes = usedAfterGc();
  }

  long baselineBytes() {
    return baselineBytes;
  }

  /** Used heap after a few full collections (one is not always enough for everything unreachable to go). */
  long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The {@code rows} classes whose live bytes grew most since {@link #baseline}, per {@code n} (spokes). */
  void printGrowth(PrintWriter out, int n, int rows) {
    if (rows <= 0) {
      return;
    }
    Map<String, long[]> now = histogram();
    if (now.isEmpty()) {
      out.println("class histogram unavailable");
      return;
    }
    List<Map.Entry<String, long[]>> growth = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, long[]> e : now.entrySet()) {
      long[] before = baselineHistogram.getOrDefault(e.getKey(), new long[2]);
      long[] delta = {e.getValue()[0] - before[0], e.getValue()[1] - before[1]};
      total += delta[1];
      growth.add(Map.entry(e.getKey(), delta));
    }
    growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    out.printf("class histogram growth: %.1f KiB per spoke in all; largest per spoke:%n", total / 1024.0 / n);
    for (int i = 0; i < Math.min(rows, growth.size()); i++) {
      long[] d = growth.get(i).getValue();
      out.printf("  %8.0f B %7.1f objects  %s%n", d[1] / (double) n, d[0] / (double) n, growth.get(i).getKey());
    }
  }

  /** class name -> {instances, bytes}; empty when the diagnostic command is not available. */
  private static Map<String, long[]> histogram() {
    String text;
    try {
      ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
      text = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException | RuntimeException e) {
      return Map.of();
    }
    Map<String, long[]> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      // "  1:   12345   678900  java.lang.String (java.base@17)"
      if (f.length >= 4 && f[0].endsWith(":")) {
        try {
          out.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
              (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        } catch (NumberFormatException ignored) {
          // a header or total line
        }
      }
    }
    return out;
  }
}
