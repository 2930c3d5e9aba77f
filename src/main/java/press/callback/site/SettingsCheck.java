package press.callback.site;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import press.callback.content.Spelling;
import press.callback.diag.Diagnostic;

/**
 * Checks the settings press reads in {@code jbake.properties} as content is checked: a value that
 * is not what its key needs is an error at its line ({@code jbake.properties:12:10: error: …}),
 * never a silent default, and an unknown {@code press.*}, {@code newsletter.*} or {@code
 * playbook.*} key is an error naming the nearest known one. {@code site.*} keys other than those
 * press reads are free for templates; JBake's own keys are JBake's.
 */
final class SettingsCheck {
  static final String FILE = "jbake.properties";

  /** A value's problem, or {@code null} if it is fine. */
  private record Rule(Function<String, String> problem, String hint) {}

  private static final Pattern LIST_ID = Pattern.compile(
      "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final Pattern STEP = Pattern.compile("playbook\\.step\\.([1-9][0-9]{0,2})");

  /** Every key press reads, with what its value must be. */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("site.host", new Rule(SettingsCheck::origin,
        "write the address readers use, scheme and host only, such as https://callback.press"));
    RULES.put("site.locale", new Rule(SettingsCheck::locale, "write a language tag such as en-US or fr-FR"));
    RULES.put("site.timezone", new Rule(SettingsCheck::zone, "write a zone id such as UTC or America/New_York"));
    RULES.put("press.lint", new Rule(SettingsCheck::bool, "write press.lint=true or press.lint=false"));
    for (String limit : List.of("subject_chars", "email_min_words", "email_words", "grade_max", "grade_aim",
        "subject_words", "summary_chars")) {
      RULES.put("press.lint." + limit, new Rule(v -> count(v, 0, 100_000), "write a whole number, such as 60"));
    }
    RULES.put("newsletter.name", new Rule(v -> null, ""));
    RULES.put("newsletter.postal_address", new Rule(v -> null, ""));
    RULES.put("newsletter.from", new Rule(SettingsCheck::address,
        "write Name <address@example.org> or address@example.org"));
    RULES.put("newsletter.reply_to", new Rule(SettingsCheck::address,
        "write Name <address@example.org> or address@example.org, or leave the key out"));
    RULES.put("newsletter.list_id", new Rule(v -> LIST_ID.matcher(v).matches() ? null : "is not a list id",
        "write a name in the form of a domain you own, such as weekly.callback.press"));
    RULES.put("newsletter.unsubscribe_url", new Rule(SettingsCheck::unsubscribeUrl,
        "write an https address with {{token}} in it, such as https://callback.press/unsubscribe/?token={{token}}"));
    RULES.put("newsletter.unsubscribe_mailto", new Rule(SettingsCheck::mailto,
        "write mailto:unsubscribe@example.org?subject=unsubscribe%20{{token}}"));
    RULES.put("newsletter.send_time", new Rule(SettingsCheck::time, "write the time as HH:mm, such as 08:00"));
    RULES.put("newsletter.css", new Rule(v -> null, "write the stylesheet's path in the project, such as assets/css/email.css"));
  }

  private SettingsCheck() {}

  /**
   * The problems of the settings in {@code text} (the file's contents), whose values as read are
   * {@code values}.
   */
  static List<Diagnostic> check(Path source, Path templates, String text, Function<String, String> values) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, PropertiesLines.Place> places = PropertiesLines.of(text);
    List<String> families = List.of("press.page.", "playbook.step.N");
    for (Map.Entry<String, PropertiesLines.Place> e : places.entrySet()) {
      String key = e.getKey();
      PropertiesLines.Place at = e.getValue();
      String value = values.apply(key);
      value = value == null ? "" : value.strip();
      Rule rule = RULES.get(key);
      if (rule != null) {
        String problem = rule.problem().apply(value);
        if (problem == null && key.equals("newsletter.css") && !Files.isRegularFile(source.resolve(value))) {
          problem = "names no file";
        }
        if (problem != null) {
          problems.add(Diagnostic.error(FILE, at.line(), at.valueColumn(),
              key + " " + problem + ": " + (value.isEmpty() ? "(empty)" : value), rule.hint()));
        }
      } else if (key.startsWith(SiteProject.PAGE_PREFIX)) {
        page(key, value, at, templates, problems);
      } else if (key.startsWith("playbook.")) {
        if (!STEP.matcher(key).matches()) {
          problems.add(unknown(key, at, families));
        } else {
          int step = Integer.parseInt(key.substring("playbook.step.".length()));
          if (step > 1 && !places.containsKey("playbook.step." + (step - 1))) {
            problems.add(Diagnostic.error(FILE, at.line(), at.keyColumn(),
                key + " follows no playbook.step." + (step - 1) + ", so it would not be used",
                "number the steps 1, 2, 3, … without gaps"));
          }
        }
      } else if (key.startsWith("press.") || key.startsWith("newsletter.")) {
        problems.add(unknown(key, at, families));
      }
    }
    return problems;
  }

  private static Diagnostic unknown(String key, PropertiesLines.Place at, List<String> families) {
    List<String> known = new ArrayList<>(RULES.keySet());
    String prefix = key.substring(0, key.indexOf('.') + 1);
    String near = Spelling.closest(key, known);
    List<String> same = new ArrayList<>(known.stream().filter(k -> k.startsWith(prefix)).toList());
    families.stream().filter(f -> f.startsWith(prefix)).forEach(f -> same.add(f.endsWith(".") ? f + "<file>" : f));
    return Diagnostic.error(FILE, at.line(), at.keyColumn(), "unknown setting '" + key + "'",
        (near != null ? "did you mean '" + near + "'? " : "") + "the " + prefix + "* settings are: "
            + String.join(", ", same));
  }

  private static void page(String key, String template, PropertiesLines.Place at, Path templates,
      List<Diagnostic> problems) {
    String output = key.substring(SiteProject.PAGE_PREFIX.length());
    if (output.isEmpty() || output.startsWith("/") || output.endsWith("/")
        || List.of(output.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."))) {
      problems.add(Diagnostic.error(FILE, at.line(), at.keyColumn(),
          key + ": '" + output + "' is not a file path inside the site",
          "write press.page.<folder>/<file>=<template>, such as press.page.snippets/index.html=snippets.ftl"));
    } else if (template.isEmpty() || !Files.isRegularFile(templates.resolve(template))) {
      problems.add(Diagnostic.error(FILE, at.line(), at.valueColumn(),
          key + ": no template " + (template.isEmpty() ? "named" : "templates/" + template),
          "name a file of templates/, such as snippets.ftl"));
    }
  }

  private static String origin(String v) {
    try {
      URI uri = new URI(v);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        return "is not an http or https address";
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return "has no host name";
      }
      if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
          || !(uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
        return "is more than a scheme and host (pages are served from the host's root)";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not an address";
    }
  }

  private static String locale(String v) {
    try {
      new Locale.Builder().setLanguageTag(v);
      return v.isEmpty() ? "is empty" : null;
    } catch (IllformedLocaleException e) {
      return "is not a language tag";
    }
  }

  private static String zone(String v) {
    try {
      ZoneId.of(v);
      return null;
    } catch (RuntimeException e) {
      return "is not a time zone";
    }
  }

  private static String bool(String v) {
    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "must be true or false";
  }

  private static String count(String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      return n >= min && n <= max ? null : "must be a whole number from " + min + " to " + max;
    } catch (NumberFormatException e) {
      return "must be a whole number from " + min + " to " + max;
    }
  }

  private static String time(String v) {
    try {
      LocalTime.parse(v);
      return null;
    } catch (DateTimeParseException e) {
      return "is not a time of day as HH:mm";
    }
  }

  private static String address(String v) {
    try {
      new InternetAddress(v, true).validate();
      return v.contains("@") ? null : "is not an email address";
    } catch (AddressException e) {
      return "is not an email address";
    }
  }

  private static String unsubscribeUrl(String v) {
    if (!v.startsWith("https://")) {
      return "must start with https:// (mail providers only accept https one-click unsubscribe links)";
    }
    String origin = origin(v.replaceFirst("^(https://[^/?#]*).*", "$1"));
    if (origin != null) {
      return "has no host name";
    }
    return v.contains("{{token}}") ? null : "has no {{token}} (each subscriber's own link)";
  }

  private static String mailto(String v) {
    if (!v.startsWith("mailto:")) {
      return "must start with mailto:";
    }
    String to = v.substring("mailto:".length()).replaceFirst("\\?.*", "");
    return address(to) == null ? null : "has no email address after mailto:";
  }
}
