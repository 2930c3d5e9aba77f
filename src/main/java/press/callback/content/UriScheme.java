package press.callback.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a content file is written, computed as JBake's crawler computes it, so that the catalog's
 * links and JBake's output files agree.
 *
 * @param noExtension JBake's {@code uri.noExtension}: {@code x.md} becomes {@code x/index.html}
 * @param noExtensionPrefix JBake's {@code uri.noExtension.prefix}: only paths starting with it
 * @param outputExtension JBake's {@code output.extension}, usually {@code .html}
 */
public record UriScheme(boolean noExtension, String noExtensionPrefix, String outputExtension) {

  /** Pretty URLs for every file: {@code about.md} is served at {@code /about/}. */
  public static UriScheme pretty() {
    return new UriScheme(true, "/", ".html");
  }

  /**
   * The output file of a content file, relative to the site root.
   *
   * @param contentPath the file relative to {@code content/}, with {@code /} separators
   */
  public String uri(String contentPath) {
    String path = "/" + contentPath;
    int slash = path.lastIndexOf('/');
    String folder = path.substring(1, slash + 1);
    String name = path.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    String base = URLEncoder.encode(dot > 0 ? name.substring(0, dot) : name, StandardCharsets.UTF_8);
    boolean pretty =
        noExtension && noExtensionPrefix != null && !noExtensionPrefix.isEmpty()
            && path.startsWith(noExtensionPrefix);
    return folder + base + (pretty ? "/index" : "") + outputExtension;
  }

  /** The root-relative URL readers use: {@code /about/} or {@code /about.html}. */
  public String url(String contentPath) {
    String uri = uri(contentPath);
    String index = "/index" + outputExtension;
    if (noExtension && uri.endsWith(index)) {
      return "/" + uri.substring(0, uri.length() - index.length() + 1);
    }
    return "/" + uri;
  }
}
