package press.callback.http;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a form's body: {@code application/x-www-form-urlencoded} or {@code
 * multipart/form-data} (text fields only). Small and strict: malformed escapes, text that is not
 * UTF-8, a field sent twice, a file, more than {@link #MAX_FIELDS} fields are refused.
 */
public final class Form {
  /** The most fields a form may have. */
  public static final int MAX_FIELDS = 20;

  /** A body that is not a form this class reads; its message says why. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private Form() {}

  /** The fields of {@code body}, sent with {@code contentType} (the header's value, or null). */
  public static Map<String, String> parse(String contentType, byte[] body) throws Malformed {
    if (body.length == 0) {
      return Map.of();
    }
    String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return urlencoded(utf8(body));
    }
    if (type.startsWith("multipart/form-data")) {
      return multipart(boundary(contentType), body);
    }
    throw new Malformed("send the form as application/x-www-form-urlencoded or multipart/form-data");
  }

  /** The fields of an urlencoded text ({@code a=1&b=2}). */
  public static Map<String, String> urlencoded(String text) throws Malformed {
    Map<String, String> fields = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      put(fields, name, value);
    }
    return fields;
  }

  private static void put(Map<String, String> fields, String name, String value) throws Malformed {
    if (fields.putIfAbsent(name, value) != null) {
      throw new Malformed("the field '" + printable(name) + "' is sent twice");
    }
    if (fields.size() > MAX_FIELDS) {
      throw new Malformed("too many fields (at most " + MAX_FIELDS + ")");
    }
  }

  /** Percent-decoding with {@code +} as a space; a bad escape or bad UTF-8 is refused. */
  static String decode(String s) throws Malformed {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    byte[] out = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out[n++] = ' ';
      } else if (c == '%') {
        int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new Malformed("a % escape is not two hex digits");
        }
        out[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else if (c > 0x7f) {
        throw new Malformed("an urlencoded body holds a character that is not escaped");
      } else {
        out[n++] = (byte) c;
      }
    }
    return utf8(java.util.Arrays.copyOf(out, n));
  }

  private static String utf8(byte[] bytes) throws Malformed {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Malformed("the form is not UTF-8");
    }
  }

  private static String boundary(String contentType) throws Malformed {
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
        String b = p.substring(9);
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        if (b.isEmpty() || b.length() > 70) {
          break;
        }
        return b;
      }
    }
    throw new Malformed("multipart/form-data without a boundary");
  }

  /** The text fields of a multipart body (RFC 7578); parts with a file name are refused. */
  static Map<String, String> multipart(String boundary, byte[] body) throws Malformed {
    // ISO-8859-1 maps bytes to chars one to one: the structure is found in it, the values decoded as UTF-8.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    int at = text.indexOf(delimiter);
    if (at < 0) {
      throw new Malformed("the multipart body has no boundary line");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    at += delimiter.length();
    while (true) {
      if (text.startsWith("--", at)) {
        return fields; // the closing delimiter
      }
      if (!text.startsWith("\r\n", at)) {
        throw new Malformed("a multipart boundary line does not end in CRLF");
      }
      at += 2;
      int headEnd = text.indexOf("\r\n\r\n", at);
      if (headEnd < 0) {
        throw new Malformed("a multipart part has no end of its headers");
      }
      String name = null;
      for (String line : text.substring(at, headEnd).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new Malformed("a multipart header is not 'Name: value'");
        }
        if (line.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
          name = dispositionName(line.substring(colon + 1));
        }
      }
      if (name == null) {
        throw new Malformed("a multipart part has no Content-Disposition: form-data; name=…");
      }
      int next = text.indexOf("\r\n" + delimiter, headEnd + 4);
      if (next < 0) {
        throw new Malformed("the multipart body has no closing boundary");
      }
      put(fields, utf8(name.getBytes(StandardCharsets.ISO_8859_1)),
          utf8(text.substring(headEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1)));
      at = next + 2 + delimiter.length();
    }
  }

  private static String dispositionName(String value) throws Malformed {
    String[] parts = value.split(";");
    if (!parts[0].strip().equalsIgnoreCase("form-data")) {
      throw new Malformed("a multipart part is not form-data");
    }
    String name = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String v = p.substring(eq + 1).strip();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      if (key.equals("filename") || key.equals("filename*")) {
        throw new Malformed("files are not accepted");
      }
      if (key.equals("name")) {
        name = v;
      }
    }
    return name;
  }

  private static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return cut.replaceAll("[\\p{Cntrl}]", "?");
  }
}
