package press.callback.list.inbox;

/** Messages the inbox tests put in a mailbox, written here: a bounce, a delay, a complaint, an unsubscribe. */
final class InboxMessages {
  private InboxMessages() {}

  /** A Postfix-style hard bounce (5.1.1) sent to {@code verp}, about {@code address}. */
  static String hardBounce(String id, String verp, String address) {
    return report(id, verp, address, "failed", "5.1.1", "smtp; 550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
  }

  /** A delay notice (4.2.2, mailbox full). */
  static String softBounce(String id, String verp, String address) {
    return report(id, verp, address, "delayed", "4.2.2", "smtp; 452 4.2.2 Mailbox full");
  }

  private static String report(String id, String verp, String address, String action, String status, String diagnostic) {
    return "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\r\n"
        + "To: " + verp + "\r\n"
        + "Subject: Undelivered Mail Returned to Sender\r\n"
        + "Date: Mon, 30 Nov 2026 08:00:00 +0000\r\n"
        + "Message-ID: <" + id + "@mx.example.net>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n"
        + "\r\n--b\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        + "\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        + "Reporting-MTA: dns; mx.example.net\r\n\r\n"
        + "Final-Recipient: rfc822; " + address + "\r\n"
        + "Action: " + action + "\r\n"
        + "Status: " + status + "\r\n"
        + "Diagnostic-Code: " + diagnostic + "\r\n"
        + "\r\n--b--\r\n";
  }

  /** An ARF abuse report whose original carries {@code token} in its List-Unsubscribe, recipient redacted. */
  static String complaint(String id, String token) {
    return "From: fbl@mailbox.example\r\n"
        + "To: abuse@callback.press\r\n"
        + "Subject: complaint\r\n"
        + "Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n"
        + "Message-ID: <" + id + "@mailbox.example>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"f\"\r\n"
        + "\r\n--f\r\nContent-Type: text/plain\r\n\r\nA spam report.\r\n"
        + "\r\n--f\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nVersion: 1\r\n"
        + "\r\n--f\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        + "From: Callback Press <weekly@callback.press>\r\n"
        + "To: [redacted]\r\n"
        + "Message-ID: <2026-11-30.x1y2z3@callback.press>\r\n"
        + "List-Id: <weekly.callback.press>\r\n"
        + "List-Unsubscribe: <https://list.callback.press/u/" + token + ">\r\n"
        + "\r\n--f--\r\n";
  }

  /** A List-Unsubscribe mailto request. */
  static String unsubscribe(String id, String from, String token) {
    return "From: " + from + "\r\n"
        + "To: unsubscribe@callback.press\r\n"
        + "Subject: unsubscribe " + token + "\r\n"
        + "Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n"
        + "Message-ID: <" + id + "@example.org>\r\n"
        + "\r\n";
  }

  /** An out-of-office reply, with words that would read as a bounce. */
  static String outOfOffice(String id, String from) {
    return "From: " + from + "\r\n"
        + "To: weekly@callback.press\r\n"
        + "Subject: Out of Office: Callback Press Weekly\r\n"
        + "Auto-Submitted: auto-replied\r\n"
        + "Date: Mon, 30 Nov 2026 10:05:00 +0000\r\n"
        + "Message-ID: <" + id + "@example.org>\r\n"
        + "\r\nAway until Monday; 550 5.1.1 user unknown is not me. Mailbox full.\r\n";
  }

  /** A sign-up by mail. */
  static String subscribe(String id, String from) {
    return "From: " + from + "\r\n"
        + "To: subscribe@callback.press\r\n"
        + "Subject: subscribe\r\n"
        + "Date: Mon, 30 Nov 2026 10:10:00 +0000\r\n"
        + "Message-ID: <" + id + "@example.org>\r\n"
        + "\r\n";
  }

  /** A reader's reply: for a person. */
  static String reply(String id, String from) {
    return "From: " + from + "\r\n"
        + "To: weekly@callback.press\r\n"
        + "Subject: Re: Callback Press Weekly\r\n"
        + "Date: Mon, 30 Nov 2026 10:20:00 +0000\r\n"
        + "Message-ID: <" + id + "@example.org>\r\n"
        + "\r\nThanks for the tips!\r\n";
  }
}
