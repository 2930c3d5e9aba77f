package press.callback.list.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One Amazon SNS HTTP(S) message: a notification, or the confirmation of a subscription or of its
 * end. Its signature covers the fields SNS lists for each type, in that order, each as its name,
 * a newline, its value and a newline; version 1 signs with SHA1withRSA, version 2 with
 * SHA256withRSA, by the certificate at {@code SigningCertURL}. That URL, and the URL a
 * subscription is confirmed by, are only ever SNS's own in the topic's region ({@link #snsUrl}).
 *
 * @param type {@code Notification}, {@code SubscriptionConfirmation} or {@code UnsubscribeConfirmation}
 * @param subject a notification's subject, or {@code null} when it has none
 * @param token a confirmation's token, else {@code null}
 * @param subscribeUrl a confirmation's URL, else {@code null}
 */
public record SnsMessage(String type, String messageId, String topicArn, String subject, String message,
    String timestamp, String token, String subscribeUrl, String signatureVersion, String signature,
    String signingCertUrl) {

  public static final String NOTIFICATION = "Notification";
  public static final String SUBSCRIBE = "SubscriptionConfirmation";
  public static final String UNSUBSCRIBE = "UnsubscribeConfirmation";

  /** A topic's ARN: {@code arn:aws:sns:us-east-1:123456789012:press-bounces}. */
  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:aws(-[a-z]+)*:sns:([a-z]{2}(-[a-z]+)+-[0-9]):[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

  /**
   * Reads an SNS message's JSON.
   *
   * @throws Refused 400 when it is not one
   */
  public static SnsMessage parse(byte[] body) throws Refused {
    JsonNode n = Payload.object(body);
    String type = Payload.required(n, "Type", "the SNS message");
    boolean confirmation = type.equals(SUBSCRIBE) || type.equals(UNSUBSCRIBE);
    if (!type.equals(NOTIFICATION) && !confirmation) {
      throw Refused.malformed("the SNS message's Type is not one SNS sends: " + shorten(type));
    }
    SnsMessage m = new SnsMessage(type, Payload.required(n, "MessageId", "the SNS message"),
        Payload.required(n, "TopicArn", "the SNS message"), Payload.text(n, "Subject"),
        Payload.required(n, "Message", "the SNS message"), Payload.required(n, "Timestamp", "the SNS message"),
        confirmation ? Payload.required(n, "Token", "the confirmation") : null,
        confirmation ? Payload.required(n, "SubscribeURL", "the confirmation") : null,
        Payload.required(n, "SignatureVersion", "the SNS message"), Payload.required(n, "Signature", "the SNS message"),
        Payload.required(n, "SigningCertURL", "the SNS message"));
    if (!m.signatureVersion().equals("1") && !m.signatureVersion().equals("2")) {
      throw Refused.malformed("the SNS SignatureVersion is neither 1 nor 2: " + shorten(m.signatureVersion()));
    }
    return m;
  }

  /** The text SNS signed: the type's fields in SNS's order, each {@code Name\nvalue\n}. */
  public String stringToSign() {
    StringBuilder sb = new StringBuilder();
    field(sb, "Message", message);
    field(sb, "MessageId", messageId);
    if (type.equals(NOTIFICATION)) {
      if (subject != null) {
        field(sb, "Subject", subject);
      }
      field(sb, "Timestamp", timestamp);
    } else {
      field(sb, "SubscribeURL", subscribeUrl);
      field(sb, "Timestamp", timestamp);
      field(sb, "Token", token);
    }
    field(sb, "TopicArn", topicArn);
    field(sb, "Type", type);
    return sb.toString();
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append(name).append('\n').append(value).append('\n');
  }

  /**
   * Checks the signature with the signing certificate (valid at {@code now}).
   *
   * @throws Refused 403 when it does not verify
   */
  public void verify(X509Certificate certificate, Instant now) throws Refused {
    try {
      certificate.checkValidity(java.util.Date.from(now));
      Signature s = Signature.getInstance(signatureVersion.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
      s.initVerify(certificate.getPublicKey());
      s.update(stringToSign().getBytes(StandardCharsets.UTF_8));
      if (!s.verify(Base64.getMimeDecoder().decode(signature))) {
        throw Refused.forbidden("the SNS signature does not verify");
      }
    } catch (IllegalArgumentException e) {
      throw Refused.forbidden("the SNS signature is not base64");
    } catch (java.security.cert.CertificateException e) {
      throw Refused.forbidden("the SNS signing certificate is not valid now");
    } catch (GeneralSecurityException e) {
      throw Refused.forbidden("the SNS signature does not verify (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The region of a topic ARN ({@code us-east-1}), or {@code null} when it is not one. */
  public static String region(String topicArn) {
    var m = TOPIC_ARN.matcher(topicArn == null ? "" : topicArn);
    return m.matches() ? m.group(2) : null;
  }

  /**
   * The URL when it is SNS's own in {@code region}: https on the default port, host {@code
   * sns.<region>.amazonaws.com} (or {@code .amazonaws.com.cn}), no user name; else {@code null}.
   * Nothing else is fetched: a forged message must not make the service fetch an address of the
   * forger's choice (its own network's, say).
   */
  public static URI snsUrl(String url, String region) {
    if (url == null || region == null) {
      return null;
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    boolean ours = host.equals("sns." + region + ".amazonaws.com") || host.equals("sns." + region + ".amazonaws.com.cn");
    if (!"https".equalsIgnoreCase(u.getScheme()) || !ours || u.getRawUserInfo() != null
        || (u.getPort() != -1 && u.getPort() != 443) || u.getRawFragment() != null) {
      return null;
    }
    return u;
  }

  /** A signing certificate's URL when it is SNS's own ({@link #snsUrl}) and names a PEM file. */
  public static URI certificateUrl(String url, String region) {
    URI u = snsUrl(url, region);
    return u == null || u.getRawQuery() != null || !u.getRawPath().endsWith(".pem") ? null : u;
  }

  static String shorten(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return t.replaceAll("[^\\x20-\\x7e…]", "?");
  }
}
