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
        "subscribers.csv:4: warning: not a valid email address\n  hint: write a plain address such as name@example.org, without spaces or angle brackets",
        "subscribers.csv:5: warning: the same address appears on an earlier line\n  hint: keep one row per address",
        "subscribers.csv:7: warning: unknown status 'on-hold'\n  hint: use subscribed, unsubscribed, bounced or complained",
        "subscribers.csv:8: warning: row has no email address\n  hint: fill in the email column or delete the row",
        "subscribers.csv:10: warning: not a valid email address\n  hint: write a plain address such as name@example.org, without spaces or angle brackets");
    assertThat(problems).allSatisfy(d -> assertThat(d.message()).doesNotContain("@"));
  }

  @Test
  void takesControlCharactersOutOfNames() throws Exception {
    List<Subscriber> rows = read("email,name,status\nann@example.org,\"Ann\u000bBcc: x@evil.test\u0007\u2028\",subscribed\n");
    assertThat(rows.get(0).name()).isEqualTo("Ann Bcc: x@evil.test");
    assertThat(problems).isEmpty();
  }

  @Test
  void aNameWithALineBreakIsAnErrorThatStopsTheList() throws Exception {
    List<Subscriber> rows = read("email,name,status\nann@example.org,\"Ann\r\nBcc: x@evil.test\",subscribed\nbob@example.org,Bob,subscribed\n");
    assertThat(rows).isEmpty();
    assertThat(problems).filteredOn(Diagnostic::isError).extracting(Diagnostic::location).containsExactly("subscribers.csv:2:17");
  }

  @Test
  void unbalancedQuoteIsReportedAtItsLine() throws Exception {
    StringBuilder csv = new StringBuilder("email,name,status\n");
    for (int line = 2; line <= 600; line++) {
      csv.append(line == 11 ? "smith@example.org,\"Smith, John,subscribed\n" : "r" + line + "@example.org,R,subscribed\n");
    }
    List<Subscriber> rows = read(csv.toString());
    assertThat(problems).extracting(Diagnostic::format).containsExactly(
        "subscribers.csv:11:19: error: a quote opens a field that does not close on this line\n"
            + "  hint: close the quote on the same line (a field may not span lines; write a quote inside quotes as \"\")");
    assertThat(rows).extracting(Subscriber::line).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10); // none after an error
  }

  @Test
  void textAfterAClosingQuoteIsAnErrorAtItsColumn() throws Exception {
    read("email,name,status\nann@example.org,\"Ann\" Smith,subscribed\n");
    assertThat(problems).extracting(Diagnostic::location, Diagnostic::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("subscribers.csv:2:23", "text after the closing quote of a field"));
  }

  @Test
  void blankLinesAreIgnoredAndLinesKeepTheirNumbers() throws Exception {
    List<Subscriber> rows = read("\nemail,name,status\r\n\r\nann@example.org,Ann,subscribed\r  \t\nbob@example.org,,subscribed");
    assertThat(rows).extracting(Subscriber::line, Subscriber::email).containsExactly(
        org.assertj.core.groups.Tuple.tuple(4, "ann@example.org"), org.assertj.core.groups.Tuple.tuple(6, "bob@example.org"));
    assertThat(problems).isEmpty();
  }

  @Test
  void csvWithBomIsRead() throws Exception {
    List<Subscriber> rows = read("\uFEFFemail,name,status\r\nann@example.org,Ann,subscribed\r\n");
    assertThat(rows).extracting(Subscriber::email).containsExactly("ann@example.org");
    assertThat(problems).isEmpty();
  }

  @Test
  void latin1ByteIsReportedAtItsLine() throws Exception {
    Path file = tmp.resolve("subscribers.csv");
    Files.write(file, "email,name,status\nann@example.org,Ann,subscribed\nzoe@example.org,Zo\u00eb,subscribed\nbob@example.org,Bob,subscribed\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    List<Subscriber> rows = new ArrayList<>();
    try (SubscriberList list = SubscriberList.open(file, "subscribers.csv", problems::add)) {
      list.forEach(rows::add);
    }
    assertThat(problems).extracting(Diagnostic::format).containsExactly(
        "subscribers.csv:3:19: error: this line is not UTF-8 (a byte that UTF-8 does not allow)\n"
            + "  hint: save the file as UTF-8 (in Excel: Save As, CSV UTF-8)");
    assertThat(rows).extracting(Subscriber::line).containsExactly(2);
  }

  @Test
  void unquotedCommaInANameSkipsTheRow() throws Exception {
    List<Subscriber> rows = read("email,name,status\nann@example.org,Smith, Ann,subscribed\nbob@example.org,Bob,subscribed,\n");
    assertThat(rows).extracting(Subscriber::email).containsExactly("bob@example.org");
    assertThat(problems).extracting(Diagnostic::format).containsExactly(
        "subscribers.csv:2: warning: the row has 4 fields; the first row names 3 columns\n"
            + "  hint: put a name that holds a comma in quotes: \"Smith, John\"");
  }

  @Test
  void longNameIsDroppedWithAWarning() throws Exception {
    List<Subscriber> rows = read("email,name,status\nann@example.org," + "A".repeat(101) + ",subscribed\n"
        + "bob@example.org," + "\u00c5".repeat(100) + ",subscribed\n");
    assertThat(rows).extracting(Subscriber::name).containsExactly("", "\u00c5".repeat(100));
    assertThat(problems).extracting(Diagnostic::format).containsExactly(
        "subscribers.csv:2: warning: the name is longer than 100 characters; the greeting says 'there'\n"
            + "  hint: shorten the name in the list");
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
