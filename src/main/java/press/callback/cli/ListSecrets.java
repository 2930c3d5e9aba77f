package press.callback.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import press.callback.diag.Diagnostic;

/**
 * The secrets of the unsubscribe tokens, read from the environment the same way for every command
 * that makes or checks tokens ({@code send}, {@code list serve}, {@code list inbox}):
 * {@code PRESS_UNSUBSCRIBE_SECRET}, then the retired ones of {@code
 * PRESS_UNSUBSCRIBE_SECRET_PREVIOUS} (comma-separated), each of 16 bytes or more. Without a secret
 * a command may use {@link #DEVELOPMENT} only when no real mail leaves the machine.
 */
final class ListSecrets {
  /** The secret of a trial without {@code PRESS_UNSUBSCRIBE_SECRET}: never with real mail. */
  static final String DEVELOPMENT = "press-development-secret-not-for-real-sends";

  static final String CURRENT = "PRESS_UNSUBSCRIBE_SECRET";
  static final String PREVIOUS = "PRESS_UNSUBSCRIBE_SECRET_PREVIOUS";

  private static final int MIN_BYTES = 16;

  /**
   * What a command says about the secret, in its own words (each names what the tokens are for).
   *
   * @param notSet the error when there is none and real mail would leave
   * @param notSetHint its hint
   * @param development the note printed when the development secret is used
   * @param tooShort the error for a secret under 16 bytes (its hint is always the same)
   */
  record Wording(String notSet, String notSetHint, String development, String tooShort) {}

  /** The outcome of reading the secrets. */
  sealed interface Read permits Found, Refused {
    /** What to print first when the development secret stands in for a missing one. */
    Optional<String> note();
  }

  /** The secrets, the current one first. */
  record Found(List<String> secrets, Optional<String> note) implements Read {
    /** The secret new tokens are made with. */
    String current() {
      return secrets.get(0);
    }
  }

  /** Why the command cannot go on. */
  record Refused(Diagnostic problem, Optional<String> note) implements Read {}

  private ListSecrets() {}

  /**
   * Reads the secrets.
   *
   * @param env the environment
   * @param realMail whether the command's mail leaves the machine (no development secret then)
   * @param withPrevious whether the retired secrets count too (they only check old tokens)
   */
  static Read read(UnaryOperator<String> env, boolean realMail, boolean withPrevious, Wording wording) {
    List<String> secrets = new ArrayList<>();
    Optional<String> note = Optional.empty();
    String secret = env.apply(CURRENT);
    if (secret == null || secret.isEmpty()) {
      if (realMail) {
        return new Refused(Diagnostic.error(CURRENT, 0, 0, wording.notSet(), wording.notSetHint()), note);
      }
      note = Optional.of(wording.development());
      secret = DEVELOPMENT;
    }
    secrets.add(secret);
    String previous = withPrevious ? env.apply(PREVIOUS) : null;
    if (previous != null) {
      for (String p : previous.split(",")) {
        if (!p.isBlank()) {
          secrets.add(p.strip());
        }
      }
    }
    for (String s : secrets) {
      if (s.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
        return new Refused(Diagnostic.error(CURRENT, 0, 0, wording.tooShort(), "use 16 or more random characters"), note);
      }
    }
    return new Found(List.copyOf(secrets), note);
  }

  /** Prints what {@code read} has to say (its note, then its problem); the secrets unless refused. */
  static Optional<List<String>> report(Read read, PrintWriter err) {
    read.note().ifPresent(err::println);
    if (read instanceof Refused refused) {
      err.println(refused.problem().format());
      return Optional.empty();
    }
    return Optional.of(((Found) read).secrets());
  }
}
