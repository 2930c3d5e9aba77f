package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

class SubscriberListTest {
  @TempDir Path tmp;
  private final List<Diagnostic> problems = new ArrayList<>();

  private List<Subscriber> read(String csv) throws Exception {
    Path file = tmp.resolve("subscribers.csv");
    Files.writeString(file, csv);
    List<Subscriber> out = new ArrayList<>();
    try (SubscriberList list = SubscriberList.open(file, "subscribers.csv", problems::add)) {
      list.forEach(out::add);
    }
    return out;
  }

  @Test
  void readsRowsAndReportsBadOnesByLineWithoutTheAddress() throws Exception {
    List<Subscriber> rows = read("""
        email,name,status
        ann@example.org,Ann,subscribed
        Bob@Example.org,"Bob, Jr.",Subscribed
        not an address,X,subscribed
        ann@EXAMPLE.org,Ann again,subscribed
        cat@example.org,,unsubscribed
        dan@example.org,Dan,on-hold
        ,Nobody,subscribed
        eve@example.org,Eve,bounced
        "Fay <fay@example.org>",Fay,subscribed
        """);
    assertThat(rows).extracting(Subscriber::line, Subscriber::email, Subscriber::name, Subscriber::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "ann@example.org", "Ann", Subscriber.Status.SUBSCRIBED),
            org.assertj.core.groups.Tuple.tuple(3, "Bob@Example.org", "Bob, Jr.", Subscriber.Status.SUBSCRIBED),
            org.assertj.core.groups.Tuple.tuple(6, "cat@example.org", "", Subscriber.Status.UNSUBSCRIBED),
            org.assertj.core.groups.Tuple.tuple(9, "eve@example.org", "Eve", Subscriber.Status.BOUNCED));
    assertThat(problems).extracting(Diagnostic::format).containsExactly(
        "subscribers.csv:4: error: not a valid email address\n  hint: write a plain address such as name@example.org, without spaces or angle brackets",
        "subscribers.csv:5: error: the same address appears on an earlier line\n  hint: keep one row per address",
        "subscribers.csv:7: error: unknown status 'on-hold'\n  hint: use subscribed, unsubscribed or bounced",
        "subscribers.csv:8: error: row has no email address\n  hint: fill in the email column or delete the row",
        "subscribers.csv:10: error: not a valid email address\n  hint: write a plain address such as name@example.org, without spaces or angle brackets");
    assertThat(problems).allSatisfy(d -> assertThat(d.message()).doesNotContain("@"));
  }

  @Test
  void takesLineBreaksAndControlCharactersOutOfNames() throws Exception {
    List<Subscriber> rows = read("email,name,status\nann@example.org,\"Ann\r\nBcc: x@evil.test\u0007\",subscribed\n");
    assertThat(rows.get(0).name()).isEqualTo("Ann Bcc: x@evil.test");
  }

  @Test
  void refusesAddressesWithControlCharacters() {
    assertThat(SubscriberList.validAddress("ann@example.org")).isTrue();
    assertThat(SubscriberList.validAddress("ann@example.org\r\nBcc: x@evil.test")).isFalse();
    assertThat(SubscriberList.validAddress("ann@exa\u0000mple.org")).isFalse();
    assertThat(SubscriberList.validAddress("Ann <ann@example.org>")).isFalse();
    assertThat(SubscriberList.validAddress("ann")).isFalse();
  }

  @Test
  void needsTheHeaderRow() {
    assertThatThrownBy(() -> read("ann@example.org,Ann,subscribed\n"))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics().get(0).format())
            .isEqualTo("subscribers.csv:1:1: error: the first row must name the columns email, name and status\n"
                + "  hint: start the file with the line: email,name,status"));
  }

  @Test
  void acceptsColumnsInAnyOrderAndWithoutNames() throws Exception {
    assertThat(read("Status,Email\nsubscribed,ann@example.org\n"))
        .extracting(Subscriber::email, Subscriber::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ann@example.org", ""));
  }
}
