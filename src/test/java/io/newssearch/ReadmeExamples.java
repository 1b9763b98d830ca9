package io.newssearch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command examples of README.md, as a reader would copy them: each line of a {@code sh} block
 * (continuation lines joined, the trailing {@code # comment} kept apart as what the example is said
 * to show) and each inline {@code `curl ...`}, with the {@code json} block that follows a block, if
 * any, as its shown answer.
 */
record ReadmeExamples(List<ReadmeExamples.Example> examples) {

  /**
   * @param line the README line it starts on
   * @param command what to type
   * @param comment what the README says it shows, or ""
   * @param shownJson the answer shown after the block, for the block's first command; else null
   * @param vectors its block builds the index with {@code --vectors}, so it runs against one that has them
   */
  record Example(int line, String command, String comment, String shownJson, boolean vectors) {

    boolean isCurl() {
      return command.startsWith("curl ") || command.contains("| curl ");
    }

    boolean isCli() {
      return command.matches("^(\\S*/)?bin/newssearch .*") || command.contains(" bin/newssearch ");
    }
  }

  private static final Pattern INLINE_CURL = Pattern.compile("`(curl [^`]+)`");
  /** A comment: whitespace, #, whitespace, outside the command's quotes (README keeps # out of them). */
  private static final Pattern COMMENT = Pattern.compile("\\s+#\\s+(.*)$");

  static ReadmeExamples parse(String readme) {
    List<Example> out = new ArrayList<>();
    String[] lines = readme.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().equals("```sh")) {
        int start = out.size();
        int j = i + 1;
        StringBuilder pending = new StringBuilder();
        int pendingLine = 0;
        for (; j < lines.length && !lines[j].strip().equals("```"); j++) {
          String l = lines[j];
          if (pending.isEmpty()) {
            pendingLine = j + 1;
          }
          if (l.endsWith("\\")) {
            pending.append(l, 0, l.length() - 1).append(' ');
            continue;
          }
          pending.append(l);
          String full = pending.toString().strip();
          pending.setLength(0);
          if (full.isEmpty() || full.startsWith("#")) {
            continue;
          }
          Matcher c = COMMENT.matcher(full);
          String comment = "";
          if (c.find()) {
            comment = c.group(1).strip();
            full = full.substring(0, c.start()).strip();
          }
          out.add(new Example(pendingLine, full, comment, null, false));
        }
        String shown = shownJsonAfter(lines, j + 1);
        boolean vectors = out.subList(start, out.size()).stream().anyMatch(e -> e.command().contains("--vectors"));
        for (int k = start; k < out.size(); k++) {
          Example e = out.get(k);
          out.set(k, new Example(e.line(), e.command(), e.comment(), k == start ? shown : null, vectors));
        }
        i = j;
      } else if (!lines[i].startsWith("```")) {
        Matcher m = INLINE_CURL.matcher(lines[i]);
        while (m.find()) {
          out.add(new Example(i + 1, m.group(1), "", null, false));
        }
      }
    }
    return new ReadmeExamples(out);
  }

  /** A {@code json} block right after a command block (a blank line and one line of prose allowed). */
  private static String shownJsonAfter(String[] lines, int from) {
    int k = from;
    int prose = 0;
    while (k < lines.length && !lines[k].strip().equals("```json")) {
      if (lines[k].startsWith("```") || lines[k].startsWith("#") || (!lines[k].isBlank() && ++prose > 1)) {
        return null;
      }
      k++;
    }
    if (k >= lines.length) {
      return null;
    }
    StringBuilder json = new StringBuilder();
    for (k++; k < lines.length && !lines[k].strip().equals("```"); k++) {
      json.append(lines[k]).append('\n');
    }
    return json.toString();
  }

  /** Words as a POSIX shell splits them: quotes, backslashes and {@code $VAR}; {@code $(...)} kept as text. */
  static List<String> words(String command, java.util.function.Function<String, String> env) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < command.length(); i++) {
      char ch = command.charAt(i);
      if (ch == '\'') {
        int end = command.indexOf('\'', i + 1);
        w.append(command, i + 1, end);
        i = end;
        inWord = true;
      } else if (ch == '"') {
        int end = i + 1;
        for (; command.charAt(end) != '"'; end++) {
          if (command.charAt(end) == '\\') {
            end++;
          }
        }
        w.append(expand(command.substring(i + 1, end), env));
        i = end;
        inWord = true;
      } else if (ch == '\\' && i + 1 < command.length()) {
        w.append(command.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else if (command.startsWith("$(", i)) {
        int end = command.indexOf(')', i);
        w.append(command, i, end + 1); // a command substitution: kept as its text, one word
        i = end;
        inWord = true;
      } else if (ch == '$' && i + 1 < command.length() && Character.isLetter(command.charAt(i + 1))) {
        int end = i + 1;
        while (end < command.length() && (Character.isLetterOrDigit(command.charAt(end)) || command.charAt(end) == '_')) {
          end++;
        }
        w.append(expand(command.substring(i, end), env));
        i = end - 1;
        inWord = true;
      } else {
        w.append(ch);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

  private static String expand(String s, java.util.function.Function<String, String> env) {
    Matcher m = Pattern.compile("\\$([A-Z_][A-Z0-9_]*)").matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = env.apply(m.group(1));
      m.appendReplacement(b, Matcher.quoteReplacement(v == null ? "" : v));
    }
    m.appendTail(b);
    return b.toString().replace("\\\"", "\"");
  }
}
