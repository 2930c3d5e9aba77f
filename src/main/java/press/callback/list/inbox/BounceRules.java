package press.callback.list.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import press.callback.list.inbox.Classification.Kind;

/**
 * The rules that tell a hard bounce from a soft one, from a status code and the failure's text.
 * They are for the reports real servers send that do not conform (no {@code
 * message/delivery-status}, a status of {@code 5.0.0} with the reason in words), and they lean
 * soft: a refusal of the message (policy, spam, a full mailbox) says nothing bad about the
 * address, and a soft bounce only counts towards {@code bounced}.
 *
 * <ol>
 *   <li>An enhanced status ({@code 5.1.1}): 4.x.x is soft; 5.x.x is hard, but soft for a full
 *       mailbox (5.2.2 or words saying so) and for a policy refusal (5.7.x) unless the words say
 *       the address is unknown.
 *   <li>Else a basic SMTP code at the start of a server's answer ({@code 550}): the same, by class.
 *   <li>Else words alone: "over quota" soft, "user unknown" hard, and so on.
 * </ol>
 */
final class BounceRules {
  /** A bounce's kind, its status code (empty when none) and the reason in a few words. */
  record Verdict(Kind kind, String status, String reason) {
    String detail() {
      return (status + " " + reason).strip();
    }
  }

  private record Phrase(Pattern pattern, String reason) {}

  private static Phrase phrase(String regex, String reason) {
    return new Phrase(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), reason);
  }

  /** Words of a temporary failure, checked first: "mailbox full" outranks "mailbox unavailable". */
  private static final List<Phrase> SOFT = List.of(
      phrase("over ?quota|quota (exceeded|limit)|exceeded (its |the )?(storage|quota)|storage (allocation|limit)", "mailbox full"),
      phrase("mailbox (is )?full|inbox (is )?full|insufficient (system )?storage|out of storage", "mailbox full"),
      phrase("grey ?listed|gray ?listed|greylisting", "greylisted"),
      phrase("temporar(y|ily)|try again later|will (retry|be retried|keep trying)|not yet been delivered|delivery (is )?delayed",
          "temporary failure"));

  /** Words that say the address itself is bad. */
  private static final List<Phrase> HARD = List.of(
      phrase("user unknown|unknown user|no such (user|recipient|mailbox|person)|unknown recipient|recipient unknown"
          + "|user not found|recipient not found|address not found|couldn'?t be found|could not be found"
          + "|(does not|doesn'?t) have an? [\\w.!-]{0,30} ?account|(account|address|user) (does not|doesn'?t) exist",
          "user unknown"),
      phrase("mailbox (is )?(unavailable|not found)|no mailbox|(does not|doesn'?t) exist", "mailbox unavailable"),
      phrase("(account|mailbox) (has been |is )?(disabled|deactivated|suspended|closed)|no longer (active|in use|available)",
          "account disabled"),
      phrase("invalid (recipient|address|mailbox)|recipient address rejected|address rejected|not a valid (recipient|address)"
          + "|bad destination mailbox", "address rejected"),
      phrase("unrout(e)?able (address|domain)|domain (not found|does not exist)|host (or domain name )?not found"
          + "|name service error|no mx (record)?|nxdomain", "domain not found"));

  /** A policy refusal: the message or the sender refused, not the address. */
  private static final Pattern POLICY = Pattern.compile(
      "spam|blocked|blacklist|block ?list|reputation|policy|rejected for|not authori[sz]ed|dmarc|spf|dkim|rate limit"
          + "|too many", Pattern.CASE_INSENSITIVE);

  /** An enhanced status code (RFC 3463) that is not part of a version number or an IP address. */
  private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?!\\d|\\.\\d)");

  /** A basic reply code where a server's answer starts: a line's start, after "said:", "smtp;". */
  private static final Pattern BASIC = Pattern.compile(
      "(?:^|said:|smtp;|error:|\\(|\\bresponse:|\\breply:)\\s*([245]\\d\\d)(?:[ :-]|$)", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

  private BounceRules() {}

  /**
   * The verdict on a failure, if one can be made.
   *
   * @param status the report's Status field, or empty
   * @param text the diagnostic text (a Diagnostic-Code, or a non-conforming report's words)
   */
  static Optional<Verdict> judge(String status, String text) {
    String t = text == null ? "" : text;
    String code = enhanced(status);
    if (code.isEmpty() || code.endsWith(".0.0")) {
      String found = enhanced(t);
      if (!found.isEmpty() && (code.isEmpty() || found.charAt(0) == code.charAt(0))) {
        code = found; // "5.0.0" in the Status, "5.1.1" in the diagnostic: the precise one
      }
    }
    char klass = code.isEmpty() ? basicClass(t) : code.charAt(0);
    Optional<Phrase> soft = first(SOFT, t);
    Optional<Phrase> hard = first(HARD, t);
    if (klass == '4') {
      return Optional.of(new Verdict(Kind.SOFT_BOUNCE, code, soft.or(() -> hard).map(Phrase::reason).orElse("temporary failure")));
    }
    if (klass == '5') {
      if (code.equals("5.2.2") || soft.isPresent() && soft.get().reason().equals("mailbox full") && hard.isEmpty()) {
        return Optional.of(new Verdict(Kind.SOFT_BOUNCE, code, "mailbox full"));
      }
      boolean policy = code.startsWith("5.7.") || code.isEmpty() && POLICY.matcher(t).find();
      if (policy && hard.isEmpty()) {
        return Optional.of(new Verdict(Kind.SOFT_BOUNCE, code, "refused by policy"));
      }
      return Optional.of(new Verdict(Kind.HARD_BOUNCE, code, hard.map(Phrase::reason).orElse("permanent failure")));
    }
    if (klass == '2') {
      return Optional.empty();
    }
    if (soft.isPresent()) {
      return Optional.of(new Verdict(Kind.SOFT_BOUNCE, "", soft.get().reason()));
    }
    return hard.map(p -> new Verdict(Kind.HARD_BOUNCE, "", p.reason()));
  }

  /** The first enhanced status code in {@code text}, or empty. */
  static String enhanced(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = ENHANCED.matcher(text);
    return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : "";
  }

  /** The class ({@code '4'}, {@code '5'}) of the first basic reply code in {@code text}, or 0. */
  private static char basicClass(String text) {
    Matcher m = BASIC.matcher(text);
    return m.find() ? m.group(1).charAt(0) : 0;
  }

  private static Optional<Phrase> first(List<Phrase> phrases, String text) {
    for (Phrase p : phrases) {
      if (p.pattern().matcher(text).find()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
