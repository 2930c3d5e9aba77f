package press.callback.list.hooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A webhook body read as JSON. Duplicate keys are refused: a signed document whose field could
 * be read two ways (the signer's first value, the reader's last) is not one to act on.
 */
final class Payload {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Payload() {}

  /** The body's JSON object. */
  static JsonNode object(byte[] body) throws Refused {
    return object(new String(body, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The text's JSON object. */
  static JsonNode object(String text) throws Refused {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw Refused.malformed("the body is not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw Refused.malformed("the body cannot be read as JSON");
    }
    if (node == null || !node.isObject()) {
      throw Refused.malformed("the body is not a JSON object");
    }
    return node;
  }

  /** A field's text, or {@code null} when it is missing, null or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** A field's text, required. */
  static String required(JsonNode node, String field, String what) throws Refused {
    String v = text(node, field);
    if (v == null || v.isEmpty()) {
      throw Refused.malformed(what + " has no " + field);
    }
    return v;
  }
}
