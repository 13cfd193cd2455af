package dev.dmvpn.virtualrack.cli;

import java.util.ArrayList;
import java.util.List;

/** A typed line split at blanks, each word with the column it starts at. */
public record Words(String line, List<Integer> starts, List<String> words) {

  public static Words split(String line) {
    List<Integer> starts = new ArrayList<>();
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        break;
      }
      int s = i;
      while (i < n && line.charAt(i) != ' ') {
        i++;
      }
      starts.add(s);
      words.add(line.substring(s, i));
    }
    return new Words(line, List.copyOf(starts), List.copyOf(words));
  }

  public int size() {
    return words.size();
  }

  public String word(int i) {
    return words.get(i);
  }

  public int start(int i) {
    return starts.get(i);
  }

  /** The line from word {@code i} on, trailing blanks removed (for {@code LINE} parameters). */
  public String restFrom(int i) {
    return line.substring(starts.get(i)).stripTrailing();
  }
}
