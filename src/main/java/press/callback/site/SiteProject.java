package press.callback.site;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jbake.app.JBakeException;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import press.callback.content.CatalogBuilder;
import press.callback.content.DocumentReader;
import press.callback.content.UriScheme;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;
import press.callback.newsletter.EmailSettings;

/**
 * A JBake project folder and its settings ({@code jbake.properties} over JBake's defaults), read
 * once. Our keys: {@code site.locale}, {@code site.timezone}, {@code playbook.step.N} and {@code
 * press.page.<output>=<template>} for extra pages such as the snippet library.
 */
public final class SiteProject {
  static final String PAGE_PREFIX = "press.page.";

  private final Path source;
  private final DefaultJBakeConfiguration config;
  private final Locale locale;
  private final ZoneId zone;

  private SiteProject(Path source, DefaultJBakeConfiguration config, Locale locale, ZoneId zone) {
    this.source = source;
    this.config = config;
    this.locale = locale;
    this.zone = zone;
  }

  /**
   * Reads the project in {@code source}, to be baked into {@code destination}.
   *
   * @throws ContentException if the folder is not a JBake project or a setting is invalid
   */
  public static SiteProject load(Path source, Path destination) throws ContentException {
    source = source.toAbsolutePath().normalize();
    destination = destination.toAbsolutePath().normalize();
    if (!Files.isDirectory(source)) {
      throw new ContentException(
          Diagnostic.error(
              source.toString(), 0, 0, "project folder not found", "pass --source DIR"));
    }
    Path properties = source.resolve("jbake.properties");
    DefaultJBakeConfiguration config;
    try {
      config =
          new JBakeConfigurationFactory()
              .createDefaultJbakeConfiguration(
                  source.toFile(),
                  destination.toFile(),
                  Files.exists(properties) ? properties.toFile() : null,
                  true);
    } catch (JBakeException e) {
      throw new ContentException(
          Diagnostic.error(
              "jbake.properties", 0, 0, "cannot read the configuration: " + e.getMessage(),
              "check the file's key=value lines"));
    }
    // One bake, in memory: no cache folder next to the sources.
    config.setProperty("db.store", "memory");
    List<Diagnostic> problems = new ArrayList<>();
    for (String folder : List.of(config.getContentFolderName(), config.getTemplateFolderName())) {
      if (!Files.isDirectory(source.resolve(folder))) {
        problems.add(
            Diagnostic.error(
                folder + "/", 0, 0, "folder not found in " + source.toAbsolutePath(),
                "run press in a project folder (with content/ and templates/) or pass --source DIR"));
      }
    }
    Locale locale = Locale.forLanguageTag(string(config, "site.locale", "en-US"));
    ZoneId zone = ZoneId.of("UTC");
    String zoneName = string(config, "site.timezone", "UTC");
    try {
      zone = ZoneId.of(zoneName);
    } catch (RuntimeException e) {
      problems.add(
          Diagnostic.error(
              "jbake.properties", 0, 0, "site.timezone is not a time zone: " + zoneName,
              "use a zone id such as UTC or America/New_York"));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new SiteProject(source, config, locale, zone);
  }

  private static String string(DefaultJBakeConfiguration config, String key, String fallback) {
    Object v = text(config.get(key));
    return v == null || v.toString().isBlank() ? fallback : v.toString().strip();
  }

  /**
   * JBake's configuration splits values at commas into lists; for text settings (a site's
   * description, say) the comma was meant. Joins such lists back.
   */
  static Object text(Object value) {
    if (value instanceof java.util.Collection<?> parts) {
      return String.join(", ", parts.stream().map(String::valueOf).toList());
    }
    return value;
  }

  /** The configuration as templates see it ({@code config.site_title}), text settings joined. */
  Map<String, Object> templateConfig() {
    Map<String, Object> map = new LinkedHashMap<>(config.asHashMap());
    map.replaceAll(
        (k, v) ->
            k.startsWith("site_") || k.startsWith("newsletter_") || k.startsWith("playbook_")
                ? text(v)
                : v);
    return map;
  }

  /**
   * Whether the content lint runs ({@code press.lint=true}): it holds the library to the limits
   * of a Callback Press site; other JBake projects bake without it.
   */
  public boolean lintEnabled() {
    return Boolean.parseBoolean(string(config, "press.lint", "false"));
  }

  /** A limit of the content lint, {@code press.lint.<name>}, or the default. */
  public int lintLimit(String name, int fallback) {
    try {
      return Integer.parseInt(string(config, "press.lint." + name, String.valueOf(fallback)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The newsletter's stylesheet, relative to the project ({@code newsletter.css}). */
  public Path emailCss() {
    return source.resolve(string(config, "newsletter.css", "assets/css/email.css"));
  }

  /**
   * The newsletter's settings from {@code newsletter.*}.
   *
   * @throws ContentException if a setting is missing or malformed
   */
  public EmailSettings emailSettings() throws ContentException {
    List<Diagnostic> problems = new ArrayList<>();
    String host = host();
    String title = string(config, "site.title", "Newsletter");
    String from = required("newsletter.from", "Callback Press <weekly@example.org>", problems);
    String unsubscribe = required("newsletter.unsubscribe_url", "https://example.org/unsubscribe/?token={{token}}", problems);
    String mailto = required("newsletter.unsubscribe_mailto", "mailto:unsubscribe@example.org?subject=unsubscribe%20{{token}}", problems);
    if (!unsubscribe.isEmpty() && !unsubscribe.startsWith("https://")) {
      problems.add(Diagnostic.error("jbake.properties", 0, 0, "newsletter.unsubscribe_url must start with https://",
          "mail providers only accept https one-click unsubscribe links"));
    }
    if (!mailto.isEmpty() && !mailto.startsWith("mailto:")) {
      problems.add(Diagnostic.error("jbake.properties", 0, 0, "newsletter.unsubscribe_mailto must start with mailto:",
          "write mailto:unsubscribe@example.org?subject=unsubscribe"));
    }
    java.time.LocalTime sendTime = java.time.LocalTime.of(8, 0);
    String time = string(config, "newsletter.send_time", "08:00");
    try {
      sendTime = java.time.LocalTime.parse(time);
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(Diagnostic.error("jbake.properties", 0, 0, "newsletter.send_time is not a time: " + time,
          "write HH:mm, for example 08:00"));
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new EmailSettings(
        host,
        string(config, "newsletter.name", title),
        from,
        string(config, "newsletter.reply_to", ""),
        string(config, "newsletter.list_id", "newsletter." + host.replaceFirst("^[a-z]+://", "")),
        unsubscribe,
        mailto,
        string(config, "newsletter.postal_address", ""),
        sendTime,
        zone);
  }

  private String required(String key, String example, List<Diagnostic> problems) {
    String value = string(config, key, "");
    if (value.isEmpty()) {
      problems.add(Diagnostic.error("jbake.properties", 0, 0, key + " is not set",
          "add '" + key + "=" + example + "' to jbake.properties"));
    }
    return value;
  }

  /** JBake's configuration; the bake writes to its destination folder. */
  DefaultJBakeConfiguration config() {
    return config;
  }

  public Path source() {
    return source;
  }

  public Path contentFolder() {
    return config.getContentFolder().toPath();
  }

  public Path templateFolder() {
    return config.getTemplateFolder().toPath();
  }

  /** The folders a bake reads: content, templates, assets and data, in that order. */
  public List<Path> sourceFolders() {
    return List.of(contentFolder(), templateFolder(), config.getAssetFolder().toPath(),
        config.getDataFolder().toPath());
  }

  /** Language of dates and of {@code <html lang>}. */
  public Locale locale() {
    return locale;
  }

  /** The zone in which dates are days. */
  public ZoneId zone() {
    return zone;
  }

  /** The site's absolute address without a trailing slash. */
  public String host() {
    String host = string(config, "site.host", "http://localhost");
    return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
  }

  public String headerSeparator() {
    return config.getHeaderSeparator();
  }

  /** The content types: one per {@code template.<type>.file} key. */
  public Set<String> types() {
    Set<String> types = new TreeSet<>(config.getDocumentTypes());
    types.removeAll(Set.of("masterindex", "archive", "feed", "sitemap", "tag", "tagsindex", "error404"));
    return types;
  }

  public DocumentReader.Settings readerSettings() {
    return new DocumentReader.Settings(types(), config.getSanitizeTag(), stepNames().size());
  }

  public CatalogBuilder.Settings catalogSettings() {
    UriScheme uris =
        new UriScheme(
            config.getUriWithoutExtension(),
            config.getPrefixForUriWithoutExtension(),
            config.getOutputExtension());
    return new CatalogBuilder.Settings(uris, stepNames(), config.getTagPathName(), reservedOutputs());
  }

  /** The playbook's step names, from {@code playbook.step.1} on. */
  public List<String> stepNames() {
    List<String> names = new ArrayList<>();
    for (int i = 1; config.get("playbook.step." + i) != null; i++) {
      names.add(string(config, "playbook.step." + i, "Step " + i));
    }
    return names.isEmpty() ? List.of("Step 1", "Step 2", "Step 3", "Step 4", "Step 5") : names;
  }

  /** Extra pages: output path → template, from {@code press.page.<output>=<template>}. */
  public Map<String, String> extraPages() {
    Map<String, String> pages = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = config.getKeys(); it.hasNext(); ) {
      String key = it.next();
      if (key.startsWith(PAGE_PREFIX)) {
        keys.add(key);
      }
    }
    keys.sort(null);
    for (String key : keys) {
      pages.put(key.substring(PAGE_PREFIX.length()), config.get(key).toString());
    }
    return pages;
  }

  /** Root-relative URLs of the pages the bake generates itself ({@code /}, {@code /archive/}, …). */
  public Set<String> generatedUrls() {
    Set<String> urls = new TreeSet<>();
    String index = "index" + config.getOutputExtension();
    for (String output : reservedOutputs()) {
      urls.add(output.equals(index) ? "/" : output.endsWith("/" + index)
          ? "/" + output.substring(0, output.length() - index.length())
          : "/" + output);
    }
    return urls;
  }

  /** Files the bake generates itself, which content files may not overwrite. */
  Set<String> reservedOutputs() {
    Set<String> reserved = new TreeSet<>(extraPages().keySet());
    if (config.getRenderIndex()) {
      reserved.add(config.getIndexFileName());
    }
    if (config.getRenderArchive()) {
      reserved.add(config.getArchiveFileName());
    }
    if (config.getRenderFeed()) {
      reserved.add(config.getFeedFileName());
    }
    if (config.getRenderSiteMap()) {
      reserved.add(config.getSiteMapFileName());
    }
    if (config.getRenderError404()) {
      reserved.add(config.getError404FileName());
    }
    if (config.getRenderTagsIndex()) {
      reserved.add(config.getTagPathName() + "/index" + config.getOutputExtension());
    }
    return reserved;
  }

  /** The destination folder JBake writes to. */
  File destination() {
    return config.getDestinationFolder();
  }
}
