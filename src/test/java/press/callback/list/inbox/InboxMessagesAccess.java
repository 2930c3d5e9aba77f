package press.callback.list.inbox;

/** {@link InboxMessages} for the command's tests in other packages. */
public final class InboxMessagesAccess {
  private InboxMessagesAccess() {}

  public static String hardBounce(String id, String verp, String address) {
    return InboxMessages.hardBounce(id, verp, address);
  }

  public static String complaint(String id, String token) {
    return InboxMessages.complaint(id, token);
  }

  public static String unsubscribe(String id, String from, String token) {
    return InboxMessages.unsubscribe(id, from, token);
  }

  public static String outOfOffice(String id, String from) {
    return InboxMessages.outOfOffice(id, from);
  }

  public static String subscribe(String id, String from) {
    return InboxMessages.subscribe(id, from);
  }

  public static String reply(String id, String from) {
    return InboxMessages.reply(id, from);
  }
}
