package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailDraftTest {
  @Test
  void plainTextTakesItsSubjectFromAFirstSubjectLine() {
    EmailDraft d = EmailDraft.parse("draft.txt", "\nSubject:  Two times for a call \n\nHi Ann,\n\nTuesday or Wednesday?\n");
    assertThat(d.subject()).isEqualTo("Two times for a call");
    assertThat(d.body()).isEqualTo("Hi Ann,\n\nTuesday or Wednesday?");
  }

  @Test
  void withoutASubjectLineAllIsBody() {
    EmailDraft d = EmailDraft.parse("draft.txt", "Hi Ann,\r\nSubject: not a header here\r\n");
    assertThat(d.subject()).isEmpty();
    assertThat(d.body()).isEqualTo("Hi Ann,\nSubject: not a header here");
  }

  @Test
  void aSnippetFileGivesItsSubjectAndOnlyItsEmail() {
    EmailDraft d = EmailDraft.parse("hello.md",
        "---\ntitle: Hello\nsubject: \"Quick question about {topic}\"\n---\n\nHi {name},\n\nIs it *you*?\n\nThanks,\n{me}\n\n## Why it works\n\nNotes.\n");
    assertThat(d.subject()).isEqualTo("Quick question about {topic}");
    assertThat(d.body()).isEqualTo("Hi {name},\n\nIs it you?\n\nThanks,\n{me}");
  }

  @Test
  void brokenFrontMatterMeansNoSubject() {
    assertThat(EmailDraft.parse("x.md", "---\nsubject: [unclosed\n---\nHi.\n").subject()).isEmpty();
  }
}
