package press.callback.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a link written on a page leads: a path inside the site (with its fragment), an external
 * address, or nowhere we check ({@code mailto:}, {@code data:}, …).
 *
 * @param kind what the link is
 * @param path for internal links, the decoded root-relative path without query ({@code
 *     /articles/2026/x/}); otherwise empty
 * @param fragment for internal links, the decoded fragment, or empty
 * @param url for external links, the address without its fragment; otherwise empty
 */
record Href(Kind kind, String path, String fragment, String url) {
  /** What a link is. */
  enum Kind {
    INTERNAL,
    EXTERNAL,
    SKIPPED
  }

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Href SKIP = new Href(Kind.SKIPPED, "", "", "");

  /** The site's own address: links to it are internal. */
  record Host(String authority, String path) {
    /** {@code https://example.org/blog/} → authority {@code example.org}, path {@code /blog}. */
    static Host of(String siteHost) {
      String s = siteHost == null ? "" : siteHost.strip();
      int scheme = s.indexOf("://");
      if (scheme < 0) {
        return new Host("", "");
      }
      String rest = s.substring(scheme + 3);
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      String path = slash < 0 ? "" : rest.substring(slash);
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return new Host(authority.toLowerCase(Locale.ROOT), path);
    }
  }

  /**
   * Resolves {@code value}, written on the page at {@code page} (a file relative to the site
   * root, such as {@code about/index.html}), as a browser would.
   */
  static Href of(String page, String value, Host host) {
    String v = value.strip();
    if (v.startsWith("//")) {
      v = "https:" + v;
    }
    if (SCHEME.matcher(v).find()) {
      String scheme = v.substring(0, v.indexOf(':')).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return SKIP;
      }
      return absolute(v, host);
    }
    int hash = v.indexOf('#');
    String fragment = hash < 0 ? "" : v.substring(hash + 1);
    String beforeHash = hash < 0 ? v : v.substring(0, hash);
    int query = beforeHash.indexOf('?');
    String path = query < 0 ? beforeHash : beforeHash.substring(0, query);
    String base = "/" + page.substring(0, page.lastIndexOf('/') + 1);
    String joined = path.isEmpty() ? "/" + page : path.startsWith("/") ? path : base + path;
    return new Href(Kind.INTERNAL, normalize(decode(joined)), decode(fragment), "");
  }

  private static Href absolute(String v, Host host) {
    int hash = v.indexOf('#');
    String withoutFragment = hash < 0 ? v : v.substring(0, hash);
    String rest = withoutFragment.substring(withoutFragment.indexOf("//") + 2);
    int end = rest.length();
    for (char c : new char[] {'/', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end).toLowerCase(Locale.ROOT);
    String pathAndQuery = rest.substring(end);
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    if (!host.authority().isEmpty() && authority.equals(host.authority())
        && (path.equals(host.path()) || path.startsWith(host.path() + "/"))) {
      String inside = path.substring(host.path().length());
      String fragment = hash < 0 ? "" : v.substring(hash + 1);
      return new Href(Kind.INTERNAL, normalize(decode(inside.isEmpty() ? "/" : inside)), decode(fragment), "");
    }
    return new Href(Kind.EXTERNAL, "", "", withoutFragment);
  }

  /** Removes {@code .} and {@code ..} segments; {@code ..} above the root stays at the root. */
  static String normalize(String path) {
    Deque<String> segments = new ArrayDeque<>();
    String[] parts = path.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      String s = parts[i];
      boolean last = i == parts.length - 1;
      if (s.equals(".")) {
        if (last) {
          segments.addLast("");
        }
      } else if (s.equals("..")) {
        segments.pollLast();
        if (last) {
          segments.addLast("");
        }
      } else if (!s.isEmpty() || last) {
        segments.addLast(s);
      }
    }
    return "/" + String.join("/", segments);
  }

  /** Percent-decodes as UTF-8; leaves {@code +} and malformed escapes as they are. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
      }
      out.append(c);
      i++;
    }
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
