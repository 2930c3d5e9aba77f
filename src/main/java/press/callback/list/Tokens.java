package press.callback.list;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The list's tokens. Two kinds:
 *
 * <ul>
 *   <li>a <b>confirmation token</b>: 32 random bytes, sent once by email; the store keeps only its
 *       SHA-256, so a copy of the database confirms no one;
 *   <li>a <b>member token</b> (unsubscribe and preferences links): {@code v1.<id>.<mac>}, the
 *       member's opaque id and an HMAC-SHA256 of it under the list's secret. No address inside; it
 *       never expires; the secret can be rotated (tokens made under the previous secrets still
 *       verify).
 * </ul>
 */
public final class Tokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
  /** The longest token taken at all: anything longer is refused before any work. */
  public static final int MAX_LENGTH = 200;

  private final List<byte[]> secrets;
  private final String listId;

  /**
   * @param secrets the current secret first, then earlier ones still honoured; each 16+ bytes
   * @param listId the list's id: a token of another list does not verify here
   */
  public Tokens(List<String> secrets, String listId) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("the list needs a secret");
    }
    List<byte[]> keys = new ArrayList<>();
    for (String s : secrets) {
      byte[] key = s.getBytes(StandardCharsets.UTF_8);
      if (key.length < 16) {
        throw new IllegalArgumentException("a token secret must be at least 16 characters");
      }
      keys.add(key);
    }
    this.secrets = List.copyOf(keys);
    this.listId = listId;
  }

  /** A new confirmation token: 32 random bytes, URL-safe. */
  public static String newConfirmation(SecureRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return B64.encodeToString(b);
  }

  /** What the store keeps of a confirmation token: its SHA-256, in hex. */
  public static String hash(String token) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code token} has the form of a confirmation token (43 URL-safe characters). */
  public static boolean looksLikeConfirmation(String token) {
    return token.length() == 43 && urlSafe(token);
  }

  /** The member token of {@code id}. */
  public String member(long id) {
    String body = "v1." + Long.toString(id, 36);
    return body + "." + B64.encodeToString(mac(secrets.get(0), body));
  }

  /** The member id a token was made for, if it is genuine under any of the secrets. */
  public OptionalLong verify(String token) {
    if (token.length() > MAX_LENGTH || !token.startsWith("v1.")) {
      return OptionalLong.empty();
    }
    int dot = token.indexOf('.', 3);
    if (dot < 0) {
      return OptionalLong.empty();
    }
    String body = token.substring(0, dot);
    long id;
    byte[] given;
    try {
      id = Long.parseLong(token.substring(3, dot), 36);
      given = UNB64.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    if (id <= 0 || !body.equals("v1." + Long.toString(id, 36))) {
      return OptionalLong.empty(); // one id, one spelling: no token twins
    }
    for (byte[] secret : secrets) {
      if (MessageDigest.isEqual(given, mac(secret, body))) {
        return OptionalLong.of(id);
      }
    }
    return OptionalLong.empty();
  }

  /** What a bounce address names: a member and, when it fitted, the issue sent to it. */
  public record BounceId(long memberId, Optional<String> issue) {}

  /**
   * The opaque id put in a message's envelope sender ({@code bounce+<id>@…}, see {@link Verp}):
   * {@code <member id>.<issue>.<mac>} in lower case (servers may fold a local part's case), the
   * MAC 50 bits of HMAC-SHA256 so a forged bounce cannot name a member. The issue is left out
   * ({@code <member id>..<mac>}) when it is not made of {@code [a-z0-9-]} or would make the id
   * longer than {@code room}.
   */
  public String bounceId(long memberId, String issue, int room) {
    String id = Long.toString(memberId, 36);
    String body = "b1." + id + "." + (issue == null ? "" : issue);
    if (issue == null || !issue.matches("[a-z0-9-]{1,40}") || body.length() - 3 + 1 + BOUNCE_MAC > room) {
      body = "b1." + id + ".";
    }
    return body.substring(3) + "." + base32(mac(secrets.get(0), body), BOUNCE_MAC);
  }

  /** The member (and issue) a bounce id names, if genuine under any of the secrets. */
  public Optional<BounceId> verifyBounceId(String given) {
    if (given.length() > 64) {
      return Optional.empty();
    }
    String id = given.toLowerCase(java.util.Locale.ROOT);
    int first = id.indexOf('.');
    int last = id.lastIndexOf('.');
    if (first <= 0 || last == first) {
      return Optional.empty();
    }
    long member;
    try {
      member = Long.parseLong(id.substring(0, first), 36);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String issue = id.substring(first + 1, last);
    if (member <= 0 || !id.substring(0, first).equals(Long.toString(member, 36)) || !issue.matches("[a-z0-9-]{0,40}")) {
      return Optional.empty();
    }
    String body = "b1." + id.substring(0, last);
    byte[] mac = id.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
    for (byte[] secret : secrets) {
      if (MessageDigest.isEqual(mac, base32(mac(secret, body), BOUNCE_MAC).getBytes(StandardCharsets.US_ASCII))) {
        return Optional.of(new BounceId(member, issue.isEmpty() ? Optional.empty() : Optional.of(issue)));
      }
    }
    return Optional.empty();
  }

  private static final int BOUNCE_MAC = 10;

  /** The first {@code n} characters of RFC 4648 base32 of {@code bytes}, in lower case. */
  private static String base32(byte[] bytes, int n) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder out = new StringBuilder(n);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; out.length() < n; ) {
      if (bits < 5) {
        buffer = (buffer << 8) | (bytes[i++] & 0xff);
        bits += 8;
      }
      out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
      bits -= 5;
    }
    return out.toString();
  }

  private byte[] mac(byte[] secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal((body + "\n" + listId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A keyed hash of an address (lower-cased): what "delete me" keeps so no import adds it back. */
  public static String suppressionHash(byte[] key, String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(Member.key(email).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean urlSafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
