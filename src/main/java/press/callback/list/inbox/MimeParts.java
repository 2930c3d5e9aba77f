package press.callback.list.inbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a parsed message the classifier looks at: the leaves of its multiparts (not inside
 * an attached message), each part's decoded text, and the addresses in a piece of text. Reads only
 * what is in memory; a part that cannot be decoded is read as Latin-1 rather than given up.
 */
final class MimeParts {
  /** The most text read of one part: a report's words are at its top. */
  static final int TEXT_MAX = 256 * 1024;
  private static final int DEPTH = 6;
  private static final Pattern ADDRESS = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private MimeParts() {}

  /** The leaf parts of {@code p}, depth first; an attached message is one leaf. */
  static List<Part> leaves(Part p) {
    List<Part> out = new ArrayList<>();
    collect(p, out, 0);
    return out;
  }

  private static void collect(Part p, List<Part> out, int depth) {
    try {
      if (depth < DEPTH && p.isMimeType("multipart/*")) {
        Object content = p.getContent();
        if (content instanceof Multipart mp) {
          for (int i = 0; i < mp.getCount(); i++) {
            BodyPart child = mp.getBodyPart(i);
            collect(child, out, depth + 1);
          }
          return;
        }
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      // a broken multipart: what was read so far is kept, the rest is one opaque leaf
    }
    out.add(p);
  }

  /** The base type of a part in lower case ({@code message/delivery-status}), or empty. */
  static String type(Part p) {
    try {
      String ct = p.getContentType();
      return ct == null ? "text/plain" : new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "";
    }
  }

  /** A parameter of a part's Content-Type ({@code report-type}), or empty. */
  static String parameter(Part p, String name) {
    try {
      String ct = p.getContentType();
      String v = ct == null ? null : new ContentType(ct).getParameter(name);
      return v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
    } catch (ParseException e) {
      return "";
    } catch (MessagingException e) {
      return "";
    }
  }

  /** A part's decoded content as text (its charset, else UTF-8), at most {@link #TEXT_MAX} bytes. */
  static String text(Part p) {
    byte[] bytes;
    try (InputStream in = p.getInputStream()) {
      bytes = in.readNBytes(TEXT_MAX);
    } catch (MessagingException | IOException | RuntimeException e) {
      return "";
    }
    Charset cs = StandardCharsets.UTF_8;
    String name = parameter(p, "charset");
    if (!name.isEmpty()) {
      try {
        cs = Charset.forName(name);
      } catch (IllegalArgumentException e) {
        cs = StandardCharsets.ISO_8859_1;
      }
    }
    String text = new String(bytes, cs);
    if (type(p).equals("text/html")) {
      String marked = text.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</li>", "\n");
      return org.jsoup.Jsoup.parse(marked).wholeText();
    }
    return text;
  }

  /** The addresses in {@code text}, in order. */
  static List<String> addresses(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = ADDRESS.matcher(text);
    while (m.find()) {
      String a = m.group();
      while (a.endsWith(".")) {
        a = a.substring(0, a.length() - 1);
      }
      out.add(a);
    }
    return out;
  }

  /** The first address in {@code text}, or {@code null}. */
  static String address(String text) {
    List<String> all = addresses(text);
    return all.isEmpty() ? null : all.get(0);
  }

  /** The address of a DSN recipient field ({@code rfc822; reader@example.net}), or {@code null}. */
  static String recipientField(String value) {
    if (value == null) {
      return null;
    }
    int semi = value.indexOf(';');
    return address(semi >= 0 ? value.substring(semi + 1) : value);
  }
}
