package press.callback.mail;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-subscriber unsubscribe tokens that an unsubscribe endpoint can verify without a database:
 * {@code base64url(address) "." base64url(HMAC-SHA256(secret, address "\n" listId))}. The address
 * is the lower-cased one; the secret comes from {@code PRESS_UNSUBSCRIBE_SECRET}.
 */
public final class UnsubscribeToken {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] secret;
  private final String listId;

  /** @throws IllegalArgumentException if the secret is shorter than 16 bytes */
  public UnsubscribeToken(String secret, String listId) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 16) {
      throw new IllegalArgumentException("the unsubscribe secret must be at least 16 characters");
    }
    this.secret = key;
    this.listId = listId;
  }

  /** The token of an address: URL-safe (letters, digits, '-', '_', '.'). */
  public String create(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    return ENCODER.encodeToString(a.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(a));
  }

  /** The address a token was made for, if the token is genuine. */
  public Optional<String> verify(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      String address = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] given = DECODER.decode(token.substring(dot + 1));
      return MessageDigest.isEqual(given, mac(address)) ? Optional.of(address) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal((address + "\n" + listId).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
