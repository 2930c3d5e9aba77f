package press.callback.list;

/**
 * One email the list sends a reader: which of the author's list emails, to whom, and the link it
 * carries.
 *
 * @param kind which email
 * @param to the address
 * @param name the name to greet (empty: none); never used in a {@link Kind#CONFIRM} email
 * @param url the confirmation link ({@link Kind#CONFIRM}) or the preferences link (the others)
 */
public record ListMail(Kind kind, String to, String name, String url) {
  /** The list's emails: {@code content/list/<name>.md}, baked to {@code target/newsletter/list/<name>/}. */
  public enum Kind {
    CONFIRM("confirm"),
    ALREADY("already"),
    WELCOME("welcome");

    private final String file;

    Kind(String file) {
      this.file = file;
    }

    /** The email's name: its content file and baked folder. */
    public String file() {
      return file;
    }
  }

  /** Where the flows hand the emails they send: a queue that sends them after the answer. */
  public interface Outbox {
    void post(ListMail mail);
  }
}
