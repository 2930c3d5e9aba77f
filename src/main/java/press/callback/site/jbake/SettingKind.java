package press.callback.site.jbake;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * What the value of a setting must be: turns the text of {@code jbake.properties} into what press
 * uses, or says what is wrong and what would be right.
 *
 * <p>Over 300 lines: a table, one entry per kind of setting with its parser and hint.
 *
 * @param expected what a valid value is, for the hint when the value is missing
 * @param blankAllowed whether an empty value means "not set" (text) rather than an error
 * @param parser the check
 */
record SettingKind(String expected, boolean blankAllowed, Parser parser) {

  /** Parses a value that is not blank and has no control characters. */
  @FunctionalInterface
  interface Parser {
    Object parse(String key, String value) throws Invalid;
  }

  /** A value that is not of its kind: the message names the key and value, the hint the fix. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final String hint;

    Invalid(String message, String hint) {
      super(message, null, false, false);
      this.hint = hint;
    }

    String hint() {
      return hint;
    }
  }

  /** Host names of this machine, where a list service may be tried over http. */
  private static final java.util.Set<String> LOOPBACK_NAMES = java.util.Set.of("127.0.0.1", "localhost", "[::1]");

  static final SettingKind TEXT = new SettingKind("any text on one line", true, (k, v) -> v);

  static final SettingKind NONBLANK_TEXT = new SettingKind("write its name", false, (k, v) -> v);

  static final SettingKind BOOLEAN = new SettingKind("write true or false", false, (k, v) -> {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.valueOf(v);
    }
    throw new Invalid(k + " is not true or false: " + shown(v), "write true or false");
  });

  static final SettingKind TIME = new SettingKind("write HH:mm on a 24-hour clock, for example 08:00", false, (k, v) -> {
    try {
      if (!v.matches("[0-9]{2}:[0-9]{2}")) {
        throw new DateTimeParseException("not HH:mm", v, 0);
      }
      return LocalTime.parse(v);
    } catch (DateTimeParseException e) {
      throw new Invalid(k + " is not a time of day: " + shown(v), "write HH:mm on a 24-hour clock, for example 08:00");
    }
  });

  static final SettingKind ZONE = new SettingKind("use a zone id such as UTC or America/New_York", false, (k, v) -> {
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new Invalid(k + " is not a time zone: " + shown(v), "use a zone id such as UTC or America/New_York");
    }
  });

  static final SettingKind LOCALE = new SettingKind("write a language tag such as en-US or de-CH", false, (k, v) -> {
    try {
      return new Locale.Builder().setLanguageTag(v).build();
    } catch (IllformedLocaleException e) {
      String fixed = v.replace('_', '-');
      boolean close = !fixed.equals(v) && wellFormed(fixed);
      throw new Invalid(k + " is not a language tag: " + shown(v),
          close ? "write " + fixed : "write a language tag such as en-US or de-CH");
    }
  });

  static final SettingKind SITE_ADDRESS = new SettingKind("write the site's address, for example https://example.org", false,
      (k, v) -> {
        String hint = "write the site's address, for example https://example.org";
        URI uri = webAddress(k, v, v, hint, "http", "https");
        if (!uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
          throw new Invalid(k + " has a path: " + shown(v),
              "write the scheme and host only, for example https://example.org: press makes links from the site's root");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new Invalid(k + " has a query or fragment: " + shown(v), "write the scheme and host only, for example https://example.org");
        }
        return v;
      });

  static final SettingKind UNSUBSCRIBE_URL = new SettingKind(
      "write https://example.org/unsubscribe/?token={{token}}", false, (k, v) -> {
        String hint = "mail providers only accept https one-click unsubscribe links: write https://example.org/unsubscribe/?token={{token}}";
        webAddress(k, v.replace("{{token}}", "TOKEN"), v, hint, "https");
        if (!v.contains("{{token}}")) {
          throw new Invalid(k + " has no {{token}}: " + shown(v),
              "put {{token}} where each subscriber's token goes, for example https://example.org/unsubscribe/?token={{token}}");
        }
        return v;
      });

  /**
   * The list service's public address ({@code newsletter.list_url}): https, or http on this
   * machine (127.0.0.1, ::1, localhost) to try it out; no query, fragment or user name. The site's
   * forms post to it and the emails' unsubscribe links lead to it.
   */
  static final SettingKind LIST_URL = new SettingKind("write the list service's https address, for example https://list.example.org",
      false, (k, v) -> {
        String hint = "write the list service's https address, for example https://list.example.org"
            + " (http only on this machine: http://127.0.0.1:8830)";
        URI uri = webAddress(k, v, v, hint, "http", "https");
        if (uri.getScheme().equals("http") && !LOOPBACK_NAMES.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
          throw new Invalid(k + " is not an https address: " + shown(v),
              "readers' addresses travel to it: write https://… (http only for 127.0.0.1, [::1] or localhost)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new Invalid(k + " has a query or fragment: " + shown(v),
              "write the address the service answers at, such as https://list.example.org: press adds /subscribe, /u/… to it");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
      });

  /** The list's database ({@code newsletter.list_db}): a JDBC URL of SQLite or PostgreSQL. */
  static final SettingKind JDBC_URL = new SettingKind(
      "write jdbc:sqlite:.press/list.db or jdbc:postgresql://host/database", false, (k, v) -> {
        String hint = "write jdbc:sqlite:.press/list.db (a file beside the project) or jdbc:postgresql://host:5432/database"
            + " (the password from PRESS_LIST_DB_PASSWORD)";
        for (String prefix : java.util.List.of("jdbc:sqlite:", "jdbc:postgresql:")) {
          if (v.startsWith(prefix)) {
            if (v.length() == prefix.length()) {
              throw new Invalid(k + " names no database: " + shown(v), hint);
            }
            return v;
          }
        }
        throw new Invalid(k + " is not a SQLite or PostgreSQL JDBC URL: " + shown(v), hint);
      });

  /**
   * An IP address written as digits ({@code newsletter.list_trusted_proxy}), never a host name:
   * trust must not hang on a DNS answer. Empty means none.
   */
  static final SettingKind IP_ADDRESS = new SettingKind("write an IP address such as 127.0.0.1 or ::1", true, (k, v) -> {
    String hint = "write the reverse proxy's IP address as the service sees it, such as 127.0.0.1 or ::1 (not a host name),"
        + " or leave it empty to trust no proxy";
    String literal = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
    boolean v4 = literal.matches("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    boolean v6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      throw new Invalid(k + " is not an IP address: " + shown(v), hint);
    }
    try {
      return java.net.InetAddress.getByName(literal).getHostAddress(); // a literal: no lookup
    } catch (java.net.UnknownHostException e) {
      throw new Invalid(k + " is not an IP address: " + shown(v), hint);
    }
  });

  static final SettingKind MAILTO = new SettingKind("write mailto:unsubscribe@example.org?subject=unsubscribe", false, (k, v) -> {
    String hint = "write mailto:unsubscribe@example.org?subject=unsubscribe";
    if (!v.startsWith("mailto:")) {
      throw new Invalid(k + " is not a mailto: address: " + shown(v), hint);
    }
    String to = v.substring("mailto:".length()).replace("{{token}}", "token");
    int query = to.indexOf('?');
    try {
      to = URLDecoder.decode(query < 0 ? to : to.substring(0, query), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Invalid(k + " is not a mailto: address: " + shown(v), hint);
    }
    if (!plainAddress(to)) {
      throw new Invalid(k + " has no valid address after mailto: " + shown(v), hint);
    }
    try {
      new URI(v.replace("{{token}}", "token"));
    } catch (URISyntaxException e) {
      throw new Invalid(k + " is not a mailto: address: " + shown(v) + " (" + e.getReason() + ")",
          "encode spaces and other special characters (%20 for a space), as in mailto:unsubscribe@example.org?subject=please%20unsubscribe");
    }
    return v;
  });

  static final SettingKind ADDRESS = new SettingKind("write Name <address@example.org> or address@example.org", false,
      (k, v) -> {
        try {
          InternetAddress a = new InternetAddress(v, true);
          a.validate();
          if (a.getAddress().indexOf('@') > 0) {
            return v;
          }
        } catch (AddressException e) {
          // reported below
        }
        throw new Invalid(k + " is not an email address: " + shown(v),
            "write Name <address@example.org> or address@example.org; quote a name with a comma: \"Name, Inc.\" <…>");
      });

  /**
   * An Amazon SNS topic's ARN ({@code newsletter.list_ses_topic_arn}): the one topic whose
   * messages the list service's {@code /hooks/ses} takes; its region picks the only host signing
   * certificates are fetched from.
   */
  static final SettingKind SNS_TOPIC_ARN = new SettingKind("write the topic's ARN, such as"
      + " arn:aws:sns:us-east-1:123456789012:press-bounces", false, (k, v) -> {
        if (v.matches("arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-[0-9]:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
          return v;
        }
        throw new Invalid(k + " is not an SNS topic ARN: " + shown(v),
            "copy the topic's ARN from the SNS console, such as arn:aws:sns:us-east-1:123456789012:press-bounces");
      });

  /** A bare address without a name or '+' (the envelope sender bounces come back to). */
  static final SettingKind BOUNCE_ADDRESS = new SettingKind("write a bare address such as bounce@example.org", false,
      (k, v) -> {
        String hint = "write a bare address such as bounce@example.org: no name, no angle brackets and no '+'"
            + " (press adds +<id> for each recipient), at most 40 characters before the @";
        try {
          InternetAddress a = new InternetAddress(v, true);
          a.validate();
          int at = v.lastIndexOf('@');
          if (a.getAddress().equals(v) && at > 0 && at <= 40 && v.indexOf('+') < 0) {
            return v;
          }
        } catch (AddressException e) {
          // reported below
        }
        throw new Invalid(k + " is not a bare address for bounces: " + shown(v), hint);
      });

  static final SettingKind LIST_ID = new SettingKind("write a domain-like name such as weekly.example.org", false, (k, v) -> {
    if (v.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+")) {
      return v;
    }
    throw new Invalid(k + " is not a list id: " + shown(v),
        "write a domain-like name such as weekly.example.org: letters, digits, '-' and '_' between dots");
  });

  static final SettingKind PROJECT_PATH = new SettingKind("write a path inside the project, such as assets/css/email.css", false,
      (k, v) -> {
        if (!insidePath(v)) {
          throw new Invalid(k + " is not a path inside the project: " + shown(v), "write a path inside the project, such as assets/css/email.css");
        }
        return v;
      });

  static final SettingKind TEMPLATE = new SettingKind("name a template, such as page.ftl", false, (k, v) -> {
    if (!insidePath(v)) {
      throw new Invalid(k + ": '" + shown(v) + "' is not a template's name", "name a template in the template folder, such as page.ftl");
    }
    return v;
  });

  /** A whole number from {@code min} to {@code max}. */
  static SettingKind integer(int min, int max) {
    String hint = "write a whole number from " + min + " to " + max;
    return new SettingKind(hint, false, (k, v) -> {
      if (!v.matches("[+-]?[0-9]{1,10}")) {
        throw new Invalid(k + " is not a whole number: " + shown(v), hint);
      }
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw new Invalid(k + " is out of range: " + shown(v), hint);
      }
      return (int) n;
    });
  }

  /**
   * Whether {@code path} is relative and stays inside its folder: no {@code ..}, {@code .} or
   * empty segment, no backslash, no drive.
   */
  static boolean insidePath(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** {@code v} as an absolute address of one of the schemes, with a host; {@code shown} in messages. */
  private static URI webAddress(String k, String v, String original, String hint, String... schemes) throws Invalid {
    if (v.matches("(" + String.join("|", schemes) + ")://(/.*)?")) {
      throw new Invalid(k + " has no host name: " + shown(original), hint);
    }
    URI uri;
    try {
      uri = new URI(v);
    } catch (URISyntaxException e) {
      throw new Invalid(k + " is not an " + String.join(" or ", schemes) + " address: " + shown(original), hint);
    }
    if (uri.getScheme() == null || !java.util.List.of(schemes).contains(uri.getScheme()) || uri.isOpaque()) {
      boolean upper = uri.getScheme() != null && java.util.List.of(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT));
      throw new Invalid(k + " is not an " + String.join(" or ", schemes) + " address: " + shown(original),
          upper ? "write the scheme in lower case: " + uri.getScheme().toLowerCase(Locale.ROOT) + "://…" : hint);
    }
    if (uri.getHost() == null) {
      throw new Invalid(k + " has no host name: " + shown(original),
          uri.getRawAuthority() == null ? hint
              : "a host name has only ASCII letters, digits, '-' and '.' (punycode for other letters): " + hint);
    }
    if (uri.getRawUserInfo() != null) {
      throw new Invalid(k + " has a user name in it: " + shown(original), hint);
    }
    String authority = uri.getRawAuthority();
    if (authority.endsWith(":") || uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new Invalid(k + " has no valid port: " + shown(original),
          "leave the port out, or write one from 1 to 65535: " + hint);
    }
    return uri;
  }

  private static boolean plainAddress(String address) {
    try {
      InternetAddress a = new InternetAddress(address, true);
      a.validate();
      return a.getAddress().equals(address) && address.indexOf('@') > 0;
    } catch (AddressException e) {
      return false;
    }
  }

  private static boolean wellFormed(String tag) {
    try {
      new Locale.Builder().setLanguageTag(tag);
      return true;
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  /** The value as a message shows it: cut after 80 characters. */
  static String shown(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }
}
