package press.callback.content;

import static press.callback.content.ContentLint.at;
import static press.callback.content.ContentLint.bodyError;
import static press.callback.content.ContentLint.locate;
import static press.callback.content.ContentLint.sentenceError;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import press.callback.content.ContentLint.ReplyGate;
import press.callback.content.ContentLint.Settings;
import press.callback.diag.Diagnostic;

/**
 * The checks {@link ContentLint} makes of an email template: its step, the length of its subject,
 * its placeholders declared and used, and (an email, not a greeting) the reply-readiness gate and
 * the ask it ends with.
 */
final class SnippetLint {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

  private final Settings settings;

  SnippetLint(Settings settings) {
    this.settings = settings;
  }

  /** The problems of one snippet, {@code s} its fields. */
  void check(Entry e, Fields.Snippet s, List<Diagnostic> out) {
    if (s.step() == null) { // a draft may leave it empty; checked as published, not
      out.add(Diagnostic.error(e.path(), 1, 1, "front matter has no 'step'",
          "write 'step: N' with N the playbook step it serves (the file lists them)"));
    }
    String subject = s.subject() == null ? "" : s.subject();
    if (subject.length() > settings.maxSubjectChars()) {
      out.add(at(e, "subject", "subject is " + subject.length() + " characters; at most "
          + settings.maxSubjectChars() + " show in an inbox", "shorten it to a few plain words"));
    }
    if (e.body().email() == null) {
      return;
    }
    String email = e.body().email().text();
    if (!s.greeting()) { // a greeting is heard, not answered: no reply gate, no ask
      replyReadiness(e, subject, email, out);
      EmailAsk.missingAsk(email).ifPresent(last -> out.add(sentenceError(e, last,
          "the email ends without a question or an ask: \"" + last + "\"",
          "end with a question (…?) or a clear request (please …, could you …, let me know …):"
              + " readers answer what they are asked")));
    }
    List<String> declared = s.placeholders();
    Set<String> used = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(subject + "\n" + email);
    while (m.find()) {
      used.add(m.group(1));
    }
    for (String name : used) {
      if (!declared.contains(name)) {
        String token = "{" + name + "}";
        Position p = locate(e, token);
        out.add(p.line() > 0
            ? Diagnostic.error(e.path(), p.line(), p.column(), "placeholder " + token + " is not declared", "add '" + name + "' to 'placeholders:'")
            : at(e, "subject", "placeholder " + token + " is not declared", "add '" + name + "' to 'placeholders:'"));
      }
    }
    for (String name : declared) {
      if (!used.contains(name)) {
        out.add(at(e, "placeholders", "placeholder {" + name + "} is declared but not used",
            "use {" + name + "} in the subject or the email, or remove it from 'placeholders:'"));
      }
    }
  }

  /** The reply-readiness gate ({@link ReplyScore}): length and grade, subject words. */
  private void replyReadiness(Entry e, String subject, String email, List<Diagnostic> out) {
    ReplyGate gate = settings.reply();
    ReplyScore score = ReplyScore.of(subject, email);
    String range = gate.minWords() + "–" + gate.maxWords();
    if (score.words() > gate.maxWords()) {
      out.add(bodyError(e, 0, "the email is " + score.words() + " words; emails of " + range + " words get the most replies",
          "cut " + (score.words() - gate.maxWords()) + " words: one point, one question"));
    } else if (score.words() < gate.minWords()) {
      out.add(bodyError(e, 0, "the email is " + score.words() + " words; emails of " + range + " words get the most replies",
          "add about " + (gate.minWords() - score.words()) + " words: who you are, why them, one question"));
    }
    String grade = ReplyScore.format(score.grade());
    String hint = "use shorter sentences and plainer words; `press coach " + e.path() + "` shows the figures";
    if (score.grade() > gate.maxGrade()) {
      out.add(bodyError(e, 0, "the email reads at grade " + grade + " (Flesch–Kincaid); at most "
          + ReplyScore.format(gate.maxGrade()), hint));
    } else if (score.grade() > gate.aimGrade()) {
      Diagnostic at = bodyError(e, 0, "", "");
      out.add(Diagnostic.warning(e.path(), at.line(), at.column(), "the email reads at grade " + grade
          + " (Flesch–Kincaid); aim for " + ReplyScore.format(gate.aimGrade()) + " or lower", hint));
    }
    if (score.subjectWords() > gate.maxSubjectWords()) {
      Position p = e.doc().at("subject");
      out.add(Diagnostic.warning(e.path(), p.line(), p.column(), "subject is " + score.subjectWords()
          + " words; subjects of 3–" + gate.maxSubjectWords() + " words get the most replies",
          "keep the words that say what the email is about"));
    }
  }
}
