package dev.herald.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One `## ` section of README.md, and the shell commands of its ```bash blocks. */
final class ReadmeSection {
  private final List<String> lines;

  private ReadmeSection(List<String> lines) {
    this.lines = lines;
  }

  static ReadmeSection of(Path readme, String heading) throws IOException {
    List<String> all = Files.readAllLines(readme);
    int start = all.indexOf("## " + heading);
    if (start < 0) {
      throw new IllegalArgumentException("README has no section " + heading);
    }
    int end = start + 1;
    while (end < all.size() && !all.get(end).startsWith("## ")) {
      end++;
    }
    return new ReadmeSection(all.subList(start + 1, end));
  }

  /** The bash blocks' lines, in order, without the list indentation around them. */
  String bash() {
    StringBuilder script = new StringBuilder();
    String indent = null;
    for (String line : lines) {
      String trimmed = line.strip();
      if (indent == null && trimmed.equals("```bash")) {
        indent = line.substring(0, line.indexOf('`'));
      } else if (indent != null && trimmed.equals("```")) {
        indent = null;
      } else if (indent != null) {
        script.append(line.startsWith(indent) ? line.substring(indent.length()) : line);
        script.append('\n');
      }
    }
    return script.toString();
  }
}
