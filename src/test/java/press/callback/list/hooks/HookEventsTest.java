package press.callback.list.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import press.callback.list.Feedback;

/** Issue 16: the relays' events read into reports, and the checks that need no network. */
class HookEventsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final String REGION = "us-east-1";

  @ParameterizedTest
  @CsvSource(textBlock = """
      https://sns.us-east-1.amazonaws.com/SimpleNotificationService-a1.pem,      true
      https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-a1.pem,      true
      https://sns.us-east-1.amazonaws.com.cn/SimpleNotificationService-a1.pem,   true
      https://sns.us-east-1.amazonaws.com:443/SimpleNotificationService-a1.pem,  true
      http://sns.us-east-1.amazonaws.com/SimpleNotificationService-a1.pem,       false
      https://sns.us-east-1.amazonaws.com/SimpleNotificationService-a1.pem?x=1,  false
      https://sns.us-east-1.amazonaws.com/cert.txt,                              false
      https://sns.us-west-2.amazonaws.com/SimpleNotificationService-a1.pem,      false
      https://sns.us-east-1.amazonaws.com.evil.example/a.pem,                    false
      https://evil.example/sns.us-east-1.amazonaws.com/a.pem,                    false
      https://evil.example#@sns.us-east-1.amazonaws.com/a.pem,                   false
      https://u@sns.us-east-1.amazonaws.com/a.pem,                               false
      https://sns.us-east-1.amazonaws.com:8443/a.pem,                            false
      https://127.0.0.1/a.pem,                                                   false
      file:///etc/ssl/cert.pem,                                                  false
      """)
  void signingCertificatesComeOnlyFromSnsInTheTopicsRegion(String url, boolean taken) {
    assertThat(SnsMessage.certificateUrl(url, REGION) != null).as(url).isEqualTo(taken);
  }

  @Test
  void topicRegionIsReadFromTheArn() {
    assertThat(SnsMessage.region("arn:aws:sns:eu-central-1:123456789012:press")).isEqualTo("eu-central-1");
    assertThat(SnsMessage.region("arn:aws-cn:sns:cn-north-1:123456789012:press")).isEqualTo("cn-north-1");
    assertThat(SnsMessage.region("arn:aws:sqs:eu-central-1:123456789012:press")).isNull();
  }

  @Test
  void notificationsSignTheirSubjectOnlyWhenTheyHaveOne() throws Refused {
    String with = "{\"Type\":\"Notification\",\"MessageId\":\"m1\",\"TopicArn\":\"arn:t\",\"Subject\":\"S\","
        + "\"Message\":\"hi\",\"Timestamp\":\"2026-11-30T09:00:00.000Z\",\"SignatureVersion\":\"1\","
        + "\"Signature\":\"AA==\",\"SigningCertURL\":\"https://x/y.pem\"}";
    assertThat(SnsMessage.parse(with.getBytes(StandardCharsets.UTF_8)).stringToSign()).isEqualTo(
        "Message\nhi\nMessageId\nm1\nSubject\nS\nTimestamp\n2026-11-30T09:00:00.000Z\nTopicArn\narn:t\nType\nNotification\n");
    String without = with.replace("\"Subject\":\"S\",", "");
    assertThat(SnsMessage.parse(without.getBytes(StandardCharsets.UTF_8)).stringToSign()).isEqualTo(
        "Message\nhi\nMessageId\nm1\nTimestamp\n2026-11-30T09:00:00.000Z\nTopicArn\narn:t\nType\nNotification\n");
  }

  @Test
  void snsMessagesWithDuplicateOrUnknownFieldsAreMalformed() {
    String dup = "{\"Type\":\"Notification\",\"Type\":\"SubscriptionConfirmation\"}";
    assertThatThrownBy(() -> SnsMessage.parse(dup.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Refused.class).extracting(e -> ((Refused) e).status()).isEqualTo(400);
    String odd = "{\"Type\":\"Mystery\"}";
    assertThatThrownBy(() -> SnsMessage.parse(odd.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Refused.class);
  }

  @Test
  void sesBouncesAndComplaintsAreSorted() throws Refused {
    String undetermined = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Undetermined\","
        + "\"bouncedRecipients\":[{\"emailAddress\":\"Ann <ann@example.org>\"}]},\"mail\":{}}";
    List<Feedback> soft = SesEvents.read(undetermined, "m1", null, NOW);
    assertThat(soft).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Feedback.Kind.SOFT_BOUNCE);
      assertThat(f.address()).isEqualTo("ann@example.org");
      assertThat(f.key()).isEqualTo("ses:m1:ann@example.org");
    });
    String notSpam = "{\"notificationType\":\"Complaint\",\"complaint\":{\"complaintFeedbackType\":\"not-spam\","
        + "\"complainedRecipients\":[{\"emailAddress\":\"ann@example.org\"}]},\"mail\":{}}";
    assertThat(SesEvents.read(notSpam, "m2", null, NOW)).isEmpty();
    assertThat(SesEvents.read("{\"eventType\":\"Delivery\",\"mail\":{}}", "m3", null, NOW)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      Bounce,        HardBounce,            HARD_BOUNCE
      Bounce,        BadEmailAddress,       HARD_BOUNCE
      Bounce,        SoftBounce,            SOFT_BOUNCE
      Bounce,        Transient,             SOFT_BOUNCE
      Bounce,        DnsError,              SOFT_BOUNCE
      Bounce,        Unsubscribe,           UNSUBSCRIBE
      SpamComplaint, SpamComplaint,         COMPLAINT
      Bounce,        AutoResponder,         ''
      Bounce,        ChallengeVerification, ''
      Bounce,        Blocked,               ''
      Bounce,        DMARCPolicy,           ''
      Delivery,      '',                    ''
      """)
  void postmarkTypesAreSortedAsPostmarkDocumentsThem(String record, String type, String kind) throws Refused {
    String body = "{\"RecordType\":\"" + record + "\",\"ID\":42,\"Type\":\"" + type
        + "\",\"Email\":\"ann@example.org\",\"BouncedAt\":\"2026-11-30T03:59:00.1234567-05:00\"}";
    Optional<Feedback> f = PostmarkEvents.read(body.getBytes(StandardCharsets.UTF_8), NOW, Duration.ofDays(2));
    assertThat(f.map(x -> x.kind().name()).orElse("")).isEqualTo(kind);
    f.ifPresent(x -> assertThat(x.key()).isEqualTo("postmark:42"));
  }

  @Test
  void postmarkCredentialsAreTheUserAndTheSecret() {
    String secret = "s3cret-for-postmark";
    assertThat(PostmarkEvents.authorized(basic("postmark:" + secret), secret)).isTrue();
    assertThat(PostmarkEvents.authorized("basic  " + Base64.getEncoder().encodeToString(
        ("postmark:" + secret).getBytes(StandardCharsets.UTF_8)), secret)).isTrue();
    assertThat(PostmarkEvents.authorized(basic("postmark:" + secret + "x"), secret)).isFalse();
    assertThat(PostmarkEvents.authorized(basic("other:" + secret), secret)).isFalse();
    assertThat(PostmarkEvents.authorized("Bearer " + secret, secret)).isFalse();
    assertThat(PostmarkEvents.authorized("Basic !!!", secret)).isFalse();
    assertThat(PostmarkEvents.authorized(null, secret)).isFalse();
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void mailgunIgnoresTemporaryFailuresWithoutSeverityAndOtherEvents() throws Refused {
    ReplayGuard guard = new ReplayGuard(10, Duration.ofMinutes(10));
    String ts = Long.toString(NOW.getEpochSecond());
    for (String data : List.of("{\"event\":\"delivered\",\"id\":\"a\",\"recipient\":\"ann@example.org\"}",
        "{\"event\":\"failed\",\"id\":\"b\",\"recipient\":\"ann@example.org\"}")) {
      String token = "t" + data.hashCode();
      String sig = HexFormat.of().formatHex(MailgunEvents.sign("k", ts, token));
      String body = "{\"signature\":{\"timestamp\":\"" + ts + "\",\"token\":\"" + token + "\",\"signature\":\"" + sig
          + "\"},\"event-data\":" + data + "}";
      assertThat(MailgunEvents.read(body.getBytes(StandardCharsets.UTF_8), "k", guard, null, NOW)).isEmpty();
    }
  }

  @Test
  void replayGuardForgetsOldTokensAndStaysBounded() {
    ReplayGuard guard = new ReplayGuard(3, Duration.ofMinutes(10));
    assertThat(guard.first("a", NOW)).isTrue();
    assertThat(guard.first("a", NOW.plusSeconds(60))).isFalse();
    assertThat(guard.first("a", NOW.plus(Duration.ofMinutes(11)))).isTrue();
    for (int i = 0; i < 10; i++) {
      guard.first("t" + i, NOW.plus(Duration.ofMinutes(12)));
    }
    assertThat(guard.size()).isEqualTo(3);
  }
}
