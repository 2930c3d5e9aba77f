package press.callback.list.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The relays' side in the webhook tests: an RSA key and a self-signed certificate made by the
 * JDK's keytool (standing in for SNS's), SNS messages signed as SNS documents it, Postmark bodies
 * and Mailgun bodies signed with a test key. Written from the relays' documentation, not from the
 * code under test.
 */
final class HookPayloads {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:press-bounces";
  static final String CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem";
  static final String MAILGUN_KEY = "key-test-mailgun-signing-0123456789";
  static final String POSTMARK_SECRET = "test-postmark-basic-auth-secret";

  final PrivateKey key;
  final X509Certificate certificate;

  private HookPayloads(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /** A fresh key pair and self-signed certificate, by keytool (the JDK's own), in {@code folder}. */
  static HookPayloads create(Path folder) throws IOException, InterruptedException, GeneralSecurityException {
    Path store = folder.resolve("sns-test.p12");
    Files.deleteIfExists(store);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-sigalg",
        "SHA256withRSA", "-alias", "sns", "-dname", "CN=sns.amazonaws.com", "-validity", "3", "-keystore",
        store.toString(), "-storetype", "PKCS12", "-storepass", "test-pass", "-keypass", "test-pass", "-noprompt")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "test-pass".toCharArray());
    }
    return new HookPayloads((PrivateKey) ks.getKey("sns", "test-pass".toCharArray()),
        (X509Certificate) ks.getCertificate("sns"));
  }

  String pem() throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** An SNS notification carrying {@code message}, signed with signature version {@code version}. */
  String notification(String messageId, String message, String version, Map<String, String> changes)
      throws GeneralSecurityException {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Type", "Notification");
    f.put("MessageId", messageId);
    f.put("TopicArn", TOPIC);
    f.put("Subject", "Amazon SES Email Event Notification");
    f.put("Message", message);
    f.put("Timestamp", Instant.now().toString());
    f.put("SignatureVersion", version);
    f.put("SigningCertURL", CERT_URL);
    f.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + TOPIC + ":x");
    f.putAll(changes);
    return signed(f, List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"));
  }

  /** An SNS subscription confirmation whose SubscribeURL is {@code subscribeUrl}. */
  String confirmation(String subscribeUrl, Map<String, String> changes) throws GeneralSecurityException {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Type", "SubscriptionConfirmation");
    f.put("MessageId", "conf-" + System.nanoTime());
    f.put("Token", "2336412f37fb687f5d51e6e2425a8a5873");
    f.put("TopicArn", TOPIC);
    f.put("Message", "You have chosen to subscribe to the topic " + TOPIC + ". To confirm, visit the SubscribeURL.");
    f.put("SubscribeURL", subscribeUrl);
    f.put("Timestamp", Instant.now().toString());
    f.put("SignatureVersion", "1");
    f.put("SigningCertURL", CERT_URL);
    f.putAll(changes);
    return signed(f, List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"));
  }

  /** Signs the listed fields as SNS does ("Name\nvalue\n" each, in that order); changes made after: "~Field". */
  private String signed(Map<String, String> f, List<String> order) throws GeneralSecurityException {
    StringBuilder text = new StringBuilder();
    for (String name : order) {
      if (f.containsKey(name)) {
        text.append(name).append('\n').append(f.get(name)).append('\n');
      }
    }
    Signature s = Signature.getInstance(f.get("SignatureVersion").equals("1") ? "SHA1withRSA" : "SHA256withRSA");
    s.initSign(key);
    s.update(text.toString().getBytes(StandardCharsets.UTF_8));
    ObjectNode n = JSON.createObjectNode();
    f.forEach((k, v) -> {
      if (!k.startsWith("~")) {
        n.put(k, v);
      }
    });
    n.put("Signature", Base64.getEncoder().encodeToString(s.sign()));
    f.forEach((k, v) -> {
      if (k.startsWith("~")) {
        n.put(k.substring(1), v); // changed after signing: a forgery
      }
    });
    return n.toString();
  }

  /** SES's bounce notification (the SNS message's Message). */
  static String sesBounce(String bounceType, String address, String source) {
    ObjectNode n = JSON.createObjectNode();
    n.put("notificationType", "Bounce");
    ObjectNode bounce = n.putObject("bounce");
    bounce.put("bounceType", bounceType);
    bounce.put("bounceSubType", "General");
    bounce.put("timestamp", Instant.now().toString());
    ObjectNode r = bounce.putArray("bouncedRecipients").addObject();
    r.put("emailAddress", address);
    r.put("action", "failed");
    r.put("status", bounceType.equals("Permanent") ? "5.1.1" : "4.2.2");
    r.put("diagnosticCode", bounceType.equals("Permanent") ? "smtp; 550 5.1.1 user unknown" : "smtp; 452 4.2.2 mailbox full");
    ObjectNode mail = n.putObject("mail");
    mail.put("source", source);
    mail.put("messageId", "0100018c-test");
    mail.putArray("destination").add(address);
    return n.toString();
  }

  /** SES's complaint notification. */
  static String sesComplaint(String address) {
    ObjectNode n = JSON.createObjectNode();
    n.put("notificationType", "Complaint");
    ObjectNode c = n.putObject("complaint");
    c.putArray("complainedRecipients").addObject().put("emailAddress", address);
    c.put("complaintFeedbackType", "abuse");
    c.put("timestamp", Instant.now().toString());
    n.putObject("mail").put("source", "weekly@callback.press");
    return n.toString();
  }

  /** A Postmark webhook body. */
  static String postmark(String recordType, long id, String type, String email, Instant at) {
    ObjectNode n = JSON.createObjectNode();
    n.put("RecordType", recordType);
    n.put("ID", id);
    if (type != null) {
      n.put("Type", type);
    }
    n.put("MessageID", "883953f4-6105-42a2-a16a-77a8eac79483");
    n.put("Email", email);
    n.put("From", "weekly@callback.press");
    n.put("BouncedAt", at.toString());
    n.put("Details", "test");
    return n.toString();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A Mailgun webhook body, signed with {@code key} at {@code timestamp} with {@code token}. */
  static String mailgun(String key, long timestamp, String token, Map<String, Object> eventData)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
    ObjectNode n = JSON.createObjectNode();
    ObjectNode sig = n.putObject("signature");
    sig.put("timestamp", Long.toString(timestamp));
    sig.put("token", token);
    sig.put("signature", signature);
    n.set("event-data", JSON.valueToTree(eventData));
    return n.toString();
  }
}
