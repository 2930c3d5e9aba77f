package press.callback.list;

import java.time.Instant;
import java.util.Locale;

/**
 * One address on the list.
 *
 * @param id an opaque random id (never the address): what tokens carry
 * @param email the address as given
 * @param name the name to greet, or empty
 * @param status where the member stands
 * @param created when the address first reached the list
 * @param changed when its status last changed
 */
public record Member(long id, String email, String name, ListStatus status, Instant created, Instant changed) {
  /** The address in lower case: how the list compares addresses. */
  public static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public String key() {
    return key(email);
  }
}
