package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of a document's type from its front matter into their record ({@link Fields}),
 * one method per type; problems go to the file's {@link FrontMatterCheck}.
 */
final class FieldsReader {
  private static final Pattern PLACEHOLDER = Pattern.compile("[a-z][a-z0-9_]*");
  /** A snippet's {@code order:} at most: room enough, and no overflow to sort by. */
  private static final int MAX_ORDER = 999;

  private final FrontMatterCheck check;
  private final int playbookSteps;

  FieldsReader(FrontMatterCheck check, int playbookSteps) {
    this.check = check;
    this.playbookSteps = playbookSteps;
  }

  /**
   * The fields of the type named {@code type}, its keys added to {@code known}. This is where a
   * type's name becomes its record; everything after asks the record.
   *
   * @param draft whether the document is a draft (a draft snippet may leave its step empty)
   */
  Fields read(String type, boolean draft, Set<String> known) {
    switch (type) {
      case ContentTypes.POST:
        return new Fields.Article();
      case ContentTypes.TIP:
        return new Fields.Tip();
      case ContentTypes.SNIPPET:
        known.addAll(Fields.Snippet.KEYS);
        return snippet(draft);
      case ContentTypes.ISSUE:
        known.addAll(Fields.Issue.KEYS);
        return new Fields.Issue(check.optionalText("subject"), check.optionalText("preheader"),
            check.optionalText("tip"), check.optionalText("snippet"));
      case ContentTypes.PAGE:
        known.addAll(Fields.Page.KEYS);
        return new Fields.Page(check.optionalText("layout"), check.flag("noindex"));
      default:
        return new Fields.Other(type);
    }
  }

  private Fields.Snippet snippet(boolean draft) {
    Fields.Snippet.Kind kind = kind();
    String subject = null;
    if (kind == Fields.Snippet.Kind.GREETING) {
      // A greeting is spoken, not sent: it has no subject to write or to refuse.
      if (check.field("subject") != null) {
        check.problem(check.field("subject").keyAt(), "a greeting has no 'subject'",
            "delete the 'subject:' line, or drop 'kind: greeting' if this is an email");
      }
    } else {
      subject = check.requiredText("subject", "subject: Quick question about {topic}");
    }
    String useWhen = check.requiredText("use_when", "use_when: You have never spoken before.");
    List<String> placeholders = placeholders();
    Field step = check.field("step");
    // A draft may leave its step empty until it is chosen (press new does).
    Integer number = draft && (step == null || step.value() == null) ? null : step();
    return new Fields.Snippet(kind, subject, useWhen, placeholders, number, order());
  }

  /** {@code email} (the default) or {@code greeting}: a recorded voice-mail greeting. */
  private Fields.Snippet.Kind kind() {
    Field field = check.field("kind");
    if (field == null || field.value() == null) {
      return Fields.Snippet.Kind.EMAIL;
    }
    String word = field.value() instanceof String s ? s.strip() : "";
    return Fields.Snippet.Kind.named(word).orElseGet(() -> {
      check.problem(field.valueAt(),
          "unknown kind '" + (word.isEmpty() ? field.value() : word) + "'",
          "write 'kind: email' (the default) or 'kind: greeting' for a voice-mail greeting");
      return Fields.Snippet.Kind.EMAIL;
    });
  }

  /** Where the template comes within its step: a whole number, lower first; null when not set. */
  private Integer order() {
    Field field = check.field("order");
    if (field == null || field.value() == null) {
      return null;
    }
    String text = field.value().toString().strip();
    try {
      int order = Integer.parseInt(text);
      if (order >= 0 && order <= MAX_ORDER) {
        return order;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    check.problem(field.valueAt(), "'order' must be a whole number from 0 to " + MAX_ORDER + ", not " + text,
        "write 'order: 1' for the template used first in its step, 2 for the next, and so on");
    return null;
  }

  private List<String> placeholders() {
    Field field = check.field("placeholders");
    if (field == null || field.value() == null) {
      return List.of();
    }
    if (!(field.value() instanceof List<?> list)) {
      check.problem(
          field.valueAt(),
          "'placeholders' must be a list",
          "write 'placeholders: [name, topic]' for {name} and {topic}");
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      String name = item instanceof String s ? s.strip().replaceAll("^\\{|}$", "") : "";
      if (!PLACEHOLDER.matcher(name).matches()) {
        check.problem(
            field.itemAt(i),
            "placeholder '" + item + "' is not a valid name",
            "use lower-case letters, digits and '_', as in {your_name}");
        continue;
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private Integer step() {
    int max = playbookSteps;
    String hint = "write 'step: N' with N from 1 to " + max + ", the playbook step it serves";
    Field field = check.field("step");
    if (field == null || field.value() == null) {
      check.problem(Position.line(1), "front matter has no 'step'", hint);
      return null;
    }
    String text = field.value().toString().strip();
    try {
      int step = Integer.parseInt(text);
      if (step >= 1 && step <= max) {
        return step;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    check.problem(field.valueAt(), "'step' must be a number from 1 to " + max + ", not " + text, hint);
    return null;
  }
}
