package dev.rolegate.processor.internal.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One line of an access lock, split into its subject and its fact (docs/access-lock.md): {@code
 * call <service> <operation> <fact>} with the facts {@code requires allOf|anyOf <P>...}, {@code
 * unguarded}, {@code nobody}, {@code workspace <ROLE>}, {@code account <ROLE>}, {@code
 * workspace-from <source>} and {@code account-from <source>}; {@code role workspace|account <ROLE>}
 * with the facts {@code ""} (the role exists), {@code holds <P>}, and for an account role {@code
 * everywhere <ROLE>} and {@code default}; or {@code permission <P>} with the facts {@code level
 * workspace|account}, {@code includes <P>} and {@code scope <scope>}.
 */
record LockLine(String subject, String fact) {
  static final String CALL = "call ";
  static final String ROLE = "role ";
  static final String PERMISSION = "permission ";

  /** Orders lines by their UTF-8 bytes, unsigned: the order the lock file is written in. */
  static final Comparator<String> BYTE_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  /** Returns the line as written: the subject, then a space and the fact when there is one. */
  String text() {
    return fact.isEmpty() ? subject : subject + " " + fact;
  }

  /** Returns whether the line is about a guarded method, not a role of the matrix. */
  boolean isCall() {
    return subject.startsWith(CALL);
  }

  /** Returns the fact's words. */
  List<String> words() {
    return fact.isEmpty() ? List.of() : List.of(fact.split(" "));
  }

  /** Returns {@code line} split into subject and fact, or empty when it is no lock line. */
  static Optional<LockLine> parse(String line) {
    if (line.startsWith(CALL)) {
      return call(line);
    }
    if (line.startsWith(ROLE)) {
      return role(line);
    }
    if (line.startsWith(PERMISSION)) {
      return permission(line);
    }
    return Optional.empty();
  }

  private static Optional<LockLine> call(String line) {
    String[] service = line.substring(CALL.length()).split(" ", 2);
    if (service.length < 2 || service[0].isEmpty()) {
      return Optional.empty();
    }
    // A parameter list holds no ')' but its own: the operation ends at the first one.
    int close = service[1].indexOf(')');
    int open = service[1].indexOf('(');
    if (open <= 0 || close < open || !service[1].startsWith(" ", close + 1)) {
      return Optional.empty();
    }
    String subject = CALL + service[0] + " " + service[1].substring(0, close + 1);
    String fact = service[1].substring(close + 2);
    List<String> words = List.of(fact.split(" ", -1));
    boolean valid =
        switch (words.get(0)) {
          case "unguarded", "nobody" -> words.size() == 1;
          case "workspace", "account" -> words.size() == 2 && names(words);
          case "workspace-from", "account-from" -> words.size() >= 2 && names(words);
          case "requires" ->
              words.size() >= 3
                  && (words.get(1).equals("allOf") || words.get(1).equals("anyOf"))
                  && names(words);
          default -> false;
        };
    return valid ? Optional.of(new LockLine(subject, fact)) : Optional.empty();
  }

  private static Optional<LockLine> role(String line) {
    List<String> words = List.of(line.substring(ROLE.length()).split(" ", -1));
    if (words.size() < 2
        || !(words.get(0).equals("workspace") || words.get(0).equals("account"))
        || !names(words)) {
      return Optional.empty();
    }
    boolean account = words.get(0).equals("account");
    boolean valid =
        words.size() == 2
            || words.size() == 4 && words.get(2).equals("holds")
            || account && words.size() == 4 && words.get(2).equals("everywhere")
            || account && words.size() == 3 && words.get(2).equals("default");
    if (!valid) {
      return Optional.empty();
    }
    String subject = ROLE + words.get(0) + " " + words.get(1);
    return Optional.of(new LockLine(subject, String.join(" ", words.subList(2, words.size()))));
  }

  private static Optional<LockLine> permission(String line) {
    List<String> words = List.of(line.substring(PERMISSION.length()).split(" ", -1));
    if (words.size() < 3 || !names(words)) {
      return Optional.empty();
    }
    boolean valid =
        switch (words.get(1)) {
          case "level" ->
              words.size() == 3
                  && (words.get(2).equals("workspace") || words.get(2).equals("account"));
          case "includes" -> words.size() == 3;
          case "scope" -> true;
          default -> false;
        };
    return valid
        ? Optional.of(
            new LockLine(
                PERMISSION + words.get(0), String.join(" ", words.subList(1, words.size()))))
        : Optional.empty();
  }

  private static boolean names(List<String> words) {
    return words.stream().noneMatch(String::isEmpty);
  }
}
