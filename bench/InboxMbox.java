import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStore;
import press.callback.list.Tokens;
import press.callback.list.Verp;

/**
 * The bench's bounce mailbox: N subscribed members in the project's list, and an mbox of N
 * messages, one about each member, in a mix a real bounce mailbox might hold after a large send:
 * 40% hard bounces and 20% delays (RFC 3464, to the member's VERP address, with the original's
 * headers), 10% complaints (ARF, the recipient redacted, the member's token in the original),
 * 10% mailed unsubscribes, 10% out-of-office replies, 10% readers' replies.
 *
 *   java -cp 'target/press.jar:target/lib/*' bench/InboxMbox.java PROJECT N SECRET LISTID MBOX
 */
public class InboxMbox {
  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Tokens tokens = new Tokens(List.of(args[2]), args[3]);
    Verp verp = new Verp("bounce@callback.press", tokens);
    try (ListStore store = JdbcListStore.open("jdbc:sqlite:.press/list.db", project, null);
        BufferedWriter out = Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String email = "reader" + i + "@example.org";
        store.put(email, "", ListStatus.SUBSCRIBED, Instant.now(), "bench");
        long id = store.byAddress(email).orElseThrow().id();
        out.write("From MAILER-DAEMON Mon Nov 30 08:00:00 2026\n");
        out.write(message(i, email, verp.sender(id, "2026-11-30"), tokens.member(id)));
        out.write("\n");
      }
    }
  }

  static String original(String email, String verp, String token, int i) {
    return "Return-Path: <" + verp + ">\nFrom: Callback Press <weekly@callback.press>\nTo: " + email + "\n"
        + "Subject: Callback Press Weekly: five replies that land\n"
        + "Message-ID: <2026-11-30.bench" + i + "@callback.press>\nList-Id: <weekly.callback.press>\n"
        + "List-Unsubscribe: <https://list.callback.press/u/" + token + ">\n";
  }

  static String message(int i, String email, String verp, String token) {
    String id = "<bench-" + i + "@mx.example.net>";
    return switch (i % 10) {
      case 0, 1, 2, 3, 4, 5 -> {
        boolean hard = i % 10 < 4;
        yield "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\nTo: " + verp + "\n"
            + "Subject: Undelivered Mail Returned to Sender\nDate: Mon, 30 Nov 2026 08:00:00 +0000\nMessage-ID: " + id + "\n"
            + "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
            + "--b\nContent-Type: text/plain\n\nThis is the mail system at host mx.example.net.\n\n"
            + "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
            + "<" + email + ">: host mx.example.org said: " + (hard ? "550 5.1.1 User unknown" : "452 4.2.2 Mailbox full") + "\n\n"
            + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
            + "Final-Recipient: rfc822; " + email + "\nAction: " + (hard ? "failed" : "delayed") + "\n"
            + "Status: " + (hard ? "5.1.1" : "4.2.2") + "\nDiagnostic-Code: smtp; "
            + (hard ? "550 5.1.1 <" + email + ">: Recipient address rejected: User unknown" : "452 4.2.2 Mailbox full") + "\n\n"
            + "--b\nContent-Type: text/rfc822-headers\n\n" + original(email, verp, token, i) + "\n--b--\n";
      }
      case 6 -> "From: fbl@mailbox.example\nTo: abuse@callback.press\nSubject: complaint\n"
          + "Date: Mon, 30 Nov 2026 09:00:00 +0000\nMessage-ID: " + id + "\nMIME-Version: 1.0\n"
          + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"f\"\n\n"
          + "--f\nContent-Type: text/plain\n\nA spam report.\n\n"
          + "--f\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nVersion: 1\n\n"
          + "--f\nContent-Type: message/rfc822\n\n" + original("[redacted]", "redacted@example.net", token, i)
          + "\nHello,\n\n--f--\n";
      case 7 -> "From: " + email + "\nTo: unsubscribe@callback.press\nSubject: unsubscribe " + token + "\n"
          + "Date: Mon, 30 Nov 2026 10:00:00 +0000\nMessage-ID: " + id + "\n\n";
      case 8 -> "From: " + email + "\nTo: weekly@callback.press\nSubject: Automatic reply: Callback Press Weekly\n"
          + "Auto-Submitted: auto-replied\nDate: Mon, 30 Nov 2026 10:05:00 +0000\nMessage-ID: " + id + "\n\n"
          + "I am out of the office until Monday.\n";
      default -> "From: " + email + "\nTo: weekly@callback.press\nSubject: Re: Callback Press Weekly\n"
          + "Date: Mon, 30 Nov 2026 10:20:00 +0000\nMessage-ID: " + id + "\n\nThanks for the tips!\n";
    };
  }
}
