package press.callback.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path checked before it touches the disk: percent-decoded strictly, split into
 * segments, and refused if any segment could leave the served folder ({@code ..}, {@code .},
 * encoded or not), holds a backslash or a NUL, or is not UTF-8.
 *
 * @param segments the path's segments, decoded (empty for the root)
 * @param folder whether the path ended with a slash
 */
record SitePath(List<String> segments, boolean folder) {
  SitePath {
    segments = List.copyOf(segments);
  }

  /** The segments joined with {@code /}: a path relative to the served folder. */
  String relative() {
    return String.join("/", segments);
  }

  /**
   * Parses the raw (still encoded) path of a request.
   *
   * @return the path, or {@code null} if it must be refused
   */
  static SitePath parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(1).split("/", -1)) {
      if (raw.isEmpty()) {
        continue;
      }
      String segment = decode(raw);
      if (segment == null || segment.equals(".") || segment.equals("..") || segment.indexOf('/') >= 0
          || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
        return null;
      }
      segments.add(segment);
    }
    return new SitePath(segments, rawPath.endsWith("/"));
  }

  /** Percent-decodes one segment; {@code null} if malformed or not UTF-8. */
  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return null; // a raw request path is ASCII
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
