package press.callback.site.jbake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import press.callback.content.Spelling;
import press.callback.diag.Diagnostic;

/**
 * Every setting press reads from {@code jbake.properties}, with its kind, checked as content is:
 * each problem at its {@code file:line:col} with a hint. press owns {@code press.*} and {@code
 * newsletter.*}, where an unknown key is an error; {@code site.*} keys are free for templates
 * (only those press reads are checked); JBake's own keys are JBake's business.
 */
final class Settings {
  static final String PAGE_PREFIX = "press.page.";
  static final String STEP_PREFIX = "playbook.step.";
  private static final List<String> OWNED = List.of("press.", "newsletter.");

  /** A key press reads: its kind, and the value it has when not set (or {@code null}). */
  record Key(String name, SettingKind kind, String fallback) {}

  private static final Map<String, Key> KEYS = keys();

  /** Every key press reads, in the order the documentation lists them. */
  private static Map<String, Key> keys() {
    Map<String, Key> keys = new LinkedHashMap<>();
    key(keys, "site.host", SettingKind.SITE_ADDRESS, "http://localhost");
    key(keys, "site.title", SettingKind.TEXT, null);
    key(keys, "site.locale", SettingKind.LOCALE, "en-US");
    key(keys, "site.timezone", SettingKind.ZONE, "UTC");
    key(keys, "press.lint", SettingKind.BOOLEAN, "false");
    key(keys, "press.lint.subject_chars", SettingKind.integer(1, 998), null);
    key(keys, "press.lint.subject_words", SettingKind.integer(1, 100), null);
    key(keys, "press.lint.summary_chars", SettingKind.integer(1, 1_000_000), null);
    key(keys, "press.lint.email_min_words", SettingKind.integer(0, 1_000_000), null);
    key(keys, "press.lint.email_words", SettingKind.integer(1, 1_000_000), null);
    key(keys, "press.lint.grade_max", SettingKind.integer(1, 30), null);
    key(keys, "press.lint.grade_aim", SettingKind.integer(1, 30), null);
    key(keys, "newsletter.name", SettingKind.TEXT, null);
    key(keys, "newsletter.from", SettingKind.ADDRESS, null);
    key(keys, "newsletter.reply_to", SettingKind.ADDRESS, null);
    key(keys, "newsletter.bounce_address", SettingKind.BOUNCE_ADDRESS, null);
    key(keys, "newsletter.list_id", SettingKind.LIST_ID, null);
    key(keys, "newsletter.unsubscribe_url", SettingKind.UNSUBSCRIBE_URL, null);
    key(keys, "newsletter.unsubscribe_mailto", SettingKind.MAILTO, null);
    key(keys, "newsletter.postal_address", SettingKind.TEXT, null);
    key(keys, "newsletter.send_time", SettingKind.TIME, "08:00");
    key(keys, "newsletter.css", SettingKind.PROJECT_PATH, "assets/css/email.css");
    key(keys, "newsletter.list_url", SettingKind.LIST_URL, null);
    key(keys, "newsletter.list_db", SettingKind.JDBC_URL, "jdbc:sqlite:.press/list.db");
    key(keys, "newsletter.list_trusted_proxy", SettingKind.IP_ADDRESS, null);
    key(keys, "newsletter.list_limit_ip", SettingKind.integer(1, 1_000_000), "10");
    key(keys, "newsletter.list_limit_address", SettingKind.integer(1, 1_000_000), "3");
    key(keys, "newsletter.list_limit_emails", SettingKind.integer(1, 1_000_000), "200");
    key(keys, "newsletter.list_ses_topic_arn", SettingKind.SNS_TOPIC_ARN, null);
    key(keys, "newsletter.list_soft_bounces", SettingKind.integer(1, 1_000), "3");
    key(keys, "newsletter.list_soft_bounce_days", SettingKind.integer(1, 3_650), "30");
    return java.util.Collections.unmodifiableMap(keys);
  }

  private static void key(Map<String, Key> keys, String name, SettingKind kind, String fallback) {
    keys.put(name, new Key(name, kind, fallback));
  }

  /** A settings file's name (relative to the project) and text. */
  record Source(String path, String text) {}

  /**
   * The outcome of a check: each key's value as press uses it (its fallback when not set), and
   * the problems found.
   */
  record Checked(Map<String, Object> values, List<Diagnostic> problems) {}

  private Settings() {}

  /**
   * Checks the settings.
   *
   * @param files the settings files, the one whose values win first (JBake reads {@code
   *     custom.properties} over {@code jbake.properties})
   * @param value a key's value as JBake's configuration gives it (list values joined), or null
   * @param templates the template folder's name, as the project names it
   * @param templateExists whether a template of that name is in the template folder
   */
  static Checked check(List<Source> files, Function<String, String> value, String templates,
      Predicate<String> templateExists) {
    Checker checker = new Checker(value);
    for (Source file : files) {
      checker.scan(file);
    }
    checker.families(templates, templateExists);
    Map<String, Object> values = new HashMap<>();
    for (Key key : KEYS.values()) {
      checker.value(key, values);
    }
    checker.atMost(values, "press.lint.email_min_words", "press.lint.email_words");
    checker.atMost(values, "press.lint.grade_aim", "press.lint.grade_max");
    List<Diagnostic> problems = new ArrayList<>(checker.problems);
    problems.sort(Diagnostic.BY_POSITION);
    return new Checked(values, problems);
  }

  /** The walk over the files: where each key is, and what is wrong. */
  private static final class Checker {
    private final Function<String, String> value;
    /** Where each key's winning value is: its first entry in the first file that has it. */
    private final Map<String, Located> where = new LinkedHashMap<>();
    private final Set<String> duplicated = new HashSet<>();
    private final List<Diagnostic> problems = new ArrayList<>();

    Checker(Function<String, String> value) {
      this.value = value;
    }

    record Located(String path, PropertiesFile.Entry entry) {}

    void scan(Source file) {
      String text = file.text();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
        problems.add(Diagnostic.error(file.path(), 1, 1, "the file starts with a byte order mark (BOM)",
            "save it as UTF-8 without a BOM: JBake would read the mark as part of the first key")
            .withSourceLine(text.lines().findFirst().orElse("")));
      }
      Map<String, Integer> seen = new HashMap<>();
      for (PropertiesFile.Entry e : PropertiesFile.entries(text)) {
        String key = e.key();
        Integer first = seen.putIfAbsent(key, e.line());
        if (first != null) {
          if (readByPress(key)) {
            duplicated.add(key);
            problems.add(at(file.path(), e, e.keyColumn(), key + " is set twice (first on line " + first + ")",
                "delete one of the two lines: JBake would join both values with a comma"));
          }
          continue;
        }
        where.putIfAbsent(key, new Located(file.path(), e));
        if (owned(key) && !KEYS.containsKey(key) && !key.startsWith(PAGE_PREFIX)) {
          problems.add(at(file.path(), e, e.keyColumn(), "unknown key '" + key + "'", unknownHint(key)));
        }
      }
    }

    /** A lower limit set above its upper one would fail every email with a range like "500–125". */
    void atMost(Map<String, Object> values, String low, String high) {
      if (values.get(low) instanceof Integer a && values.get(high) instanceof Integer b && a > b && where.containsKey(low)) {
        Located at = where.get(low);
        problems.add(at(at, at.entry().valueColumn(), low + " (" + a + ") is above " + high + " (" + b + ")",
            "make it at most " + b + ", or raise " + high));
      }
    }

    /** The families: {@code press.page.<output>=<template>} and {@code playbook.step.<N>}. */
    void families(String templates, Predicate<String> templateExists) {
      TreeSet<Integer> steps = new TreeSet<>();
      Map<Integer, Located> stepAt = new HashMap<>();
      for (Map.Entry<String, Located> w : where.entrySet()) {
        String key = w.getKey();
        Located at = w.getValue();
        if (key.startsWith(PAGE_PREFIX) && !duplicated.contains(key)) {
          page(key, at, templates, templateExists);
        } else if (key.startsWith(STEP_PREFIX)) {
          String n = key.substring(STEP_PREFIX.length());
          if (!n.matches("[1-9][0-9]{0,3}")) {
            problems.add(at(at, at.entry().keyColumn(), key + ": a step's number is 1, 2, 3 …",
                "name the steps playbook.step.1, playbook.step.2, and so on"));
            continue;
          }
          steps.add(Integer.parseInt(n));
          stepAt.put(Integer.parseInt(n), at);
          if (!duplicated.contains(key)) {
            parse(key, SettingKind.NONBLANK_TEXT, at);
          }
        }
      }
      for (int n : steps) {
        if (n > 1 && !steps.contains(n - 1)) {
          problems.add(at(stepAt.get(n), stepAt.get(n).entry().keyColumn(),
              STEP_PREFIX + n + " follows no " + STEP_PREFIX + (n - 1),
              "number the steps from 1 without gaps: press reads them up to the first missing one"));
        }
      }
    }

    private void page(String key, Located at, String templates, Predicate<String> templateExists) {
      String output = key.substring(PAGE_PREFIX.length());
      if (!SettingKind.insidePath(output)) {
        boolean outside = output.startsWith("/") || output.contains(":") || ("/" + output + "/").contains("/../");
        problems.add(at(at, at.entry().keyColumn() + PAGE_PREFIX.length(),
            key + (outside ? ": the page would lie outside the site" : ": names no file in the site"),
            "name a file inside the site, such as " + PAGE_PREFIX + "contact/index.html=contact.ftl"));
        return;
      }
      Object template = parse(key, SettingKind.TEMPLATE, at);
      if (template != null && !templateExists.test((String) template)) {
        problems.add(at(at, at.entry().valueColumn(), key + ": no template " + templates + "/" + template,
            "create " + templates + "/" + template + " or name another template"));
      }
    }

    void value(Key key, Map<String, Object> values) {
      if (duplicated.contains(key.name())) {
        return;
      }
      Object parsed = parse(key.name(), key.kind(), where.get(key.name()));
      if (parsed == null && key.fallback() != null) {
        try {
          parsed = key.kind().parser().parse(key.name(), key.fallback());
        } catch (SettingKind.Invalid e) {
          throw new IllegalStateException("fallback of " + key.name(), e);
        }
      }
      if (parsed != null) {
        values.put(key.name(), parsed);
      }
    }

    /** The value of {@code key} parsed, or null when it is not set or is wrong (reported). */
    private Object parse(String key, SettingKind kind, Located at) {
      String v = value.apply(key);
      if (v == null) {
        return null;
      }
      int column = at == null ? 0 : at.entry().valueColumn();
      if (v.isEmpty()) {
        if (!kind.blankAllowed()) {
          problems.add(at(at, column, key + " has no value", kind.expected() + ", or delete the line"));
        }
        return null;
      }
      int control = v.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
      if (control >= 0) {
        problems.add(at(at, column, key + " contains a control character (U+" + String.format("%04X", control) + ")",
            "a setting is one line of text: remove the escape (\\n, \\r, \\t, \\u…) that makes it"));
        return null;
      }
      try {
        return kind.parser().parse(key, v);
      } catch (SettingKind.Invalid e) {
        problems.add(at(at, column, e.getMessage(), e.hint()));
        return null;
      }
    }

    private Diagnostic at(Located at, int column, String message, String hint) {
      if (at == null) { // set by a system property, or one of JBake's defaults
        return Diagnostic.error("jbake.properties", 0, 0, message, hint);
      }
      return at(at.path(), at.entry(), column, message, hint);
    }

    private static Diagnostic at(String path, PropertiesFile.Entry e, int column, String message, String hint) {
      return Diagnostic.error(path, e.line(), column, message, hint).withSourceLine(e.text());
    }
  }

  /** Whether press reads {@code key}: a key of its table or of one of its families. */
  static boolean readByPress(String key) {
    return KEYS.containsKey(key) || key.startsWith(PAGE_PREFIX) || key.startsWith(STEP_PREFIX) || owned(key);
  }

  private static boolean owned(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return OWNED.stream().anyMatch(lower::startsWith);
  }

  private static String unknownHint(String key) {
    String namespace = key.substring(0, key.indexOf('.') + 1).toLowerCase(Locale.ROOT);
    List<String> known = new ArrayList<>(KEYS.keySet().stream().filter(k -> k.startsWith(namespace)).toList());
    String near = Spelling.closest(key, known);
    if (namespace.equals("press.")) {
      known.add(PAGE_PREFIX + "<file>");
    }
    return (near != null ? "did you mean '" + near + "'? " : "") + "valid keys: " + String.join(", ", known);
  }
}
