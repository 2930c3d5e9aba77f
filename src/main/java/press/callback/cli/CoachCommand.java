package press.callback.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import press.callback.content.EmailDraft;
import press.callback.content.Scaffold;
import press.callback.content.ReplyScore;

/** {@code press coach FILE}: the reply-readiness figures of an email draft. */
@Command(
    name = "coach",
    mixinStandardHelpOptions = true,
    description = {
      "Scores an email draft for reply-readiness: words (aim 50–125), sentences, reading grade"
          + " (Flesch–Kincaid; aim 6 or lower), questions (aim 1–3), subject words (aim 3–6),"
          + " whether it ends with a question or an ask, and what to change.",
      "FILE is plain text or Markdown; the subject is a first line 'Subject: …' or, in a snippet"
          + " file, its 'subject:'. The same figures as the /coach/ page and the snippet pages."
    })
final class CoachCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "FILE", description = "The draft (text or Markdown).")
  Path file;

  @Override
  public Integer call() {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      main.err().println(file + ": error: file not found\n  hint: pass the path of a text or Markdown file");
      return ExitCodes.CONTENT;
    } catch (CharacterCodingException e) {
      main.err().println(file + ": error: file is not UTF-8 text\n  hint: save the file as UTF-8");
      return ExitCodes.CONTENT;
    } catch (IOException e) {
      main.err().println(file + ": error: cannot read file: " + e.getMessage() + "\n  hint: check its permissions");
      return ExitCodes.CONTENT;
    }
    EmailDraft draft = EmailDraft.parse(file.getFileName().toString(), text);
    ReplyScore s = ReplyScore.of(draft.subject(), draft.body());
    PrintWriter out = main.out();
    out.println("press coach: " + file);
    out.printf("  subject        %s%n", draft.subject().isEmpty()
        ? "(none: start the file with a line 'Subject: …')"
        : "\"" + draft.subject() + "\": " + s.subjectWords() + " word" + (s.subjectWords() == 1 ? "" : "s")
            + mark(s.subjectWords() >= ReplyScore.MIN_SUBJECT_WORDS && s.subjectWords() <= ReplyScore.MAX_SUBJECT_WORDS)
            + " (aim: 3–6)");
    out.printf("  words          %d%s (aim: %d–%d)%n", s.words(),
        mark(s.words() >= ReplyScore.MIN_WORDS && s.words() <= ReplyScore.MAX_WORDS), ReplyScore.MIN_WORDS, ReplyScore.MAX_WORDS);
    out.printf("  sentences      %d%n", s.sentences());
    out.printf("  grade          %s%s (Flesch–Kincaid; aim: 6 or lower)%n", ReplyScore.format(s.grade()),
        mark(s.grade() <= ReplyScore.AIM_GRADE));
    out.printf("  questions      %d%s (aim: 1–3)%n", s.questions(),
        mark(s.questions() >= 1 && s.questions() <= ReplyScore.MAX_QUESTIONS));
    out.printf("  ends with ask  %s%n", s.endsWithAsk() ? "yes ✓" : "no ✗");
    String email = draft.body().replaceAll("\\s+", " ");
    String flat = text.replaceAll("\\s+", " ");
    java.util.List<String> guide = Scaffold.GUIDE_TEXT.stream()
        .sorted(java.util.Comparator.comparing(g -> !email.contains(g))) // the email's own first
        .filter(flat::contains).toList();
    if (!guide.isEmpty()) {
      out.println("not yet written: this is still press new's guide text (\"" + guide.get(0) + "\");"
          + " write your email in its place, then coach it");
    } else if (s.suggestions().isEmpty()) {
      out.println("ready to send: nothing to change");
    } else {
      out.println("to change:");
      s.suggestions().forEach(x -> out.println("  - " + x));
    }
    return ExitCodes.OK;
  }

  private static String mark(boolean ok) {
    return ok ? " ✓" : " ✗";
  }
}
