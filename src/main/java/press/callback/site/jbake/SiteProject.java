package press.callback.site.jbake;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
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
import press.callback.mail.Schedule;
import press.callback.newsletter.EmailSettings;

/**
 * A JBake project folder and its settings ({@code jbake.properties} over JBake's defaults), read
 * and checked once ({@link Settings} knows the keys press reads: {@code site.*}, {@code press.*},
 * {@code newsletter.*}, {@code playbook.step.N}).
 *
 * <p>Over 300 lines: one small typed accessor per setting family the other packages read
 * (folders, site, lint, email, list, webhooks), which belong together.
 */
public final class SiteProject {
  static final String PAGE_PREFIX = Settings.PAGE_PREFIX;

  private final Path source;
  private final DefaultJBakeConfiguration config;
  /** The settings press reads, checked and typed ({@link Settings}). */
  private final Map<String, Object> settings;

  private SiteProject(Path source, DefaultJBakeConfiguration config, Map<String, Object> settings) {
    this.source = source;
    this.config = config;
    this.settings = Map.copyOf(settings);
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
    DefaultJBakeConfiguration config = configuration(source, destination);
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
    Settings.Checked settings = checkSettings(source, config);
    problems.addAll(settings.problems());
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new SiteProject(source, config, settings.values());
  }

  /**
   * When the project's issues go out ({@code newsletter.send_time} in {@code site.timezone}),
   * from its settings alone: {@code press send} needs no content. The settings are checked as a
   * bake checks them; a folder without {@code jbake.properties} has the defaults (08:00, UTC), as
   * its bake would.
   *
   * @throws ContentException if a setting is invalid
   */
  public static Schedule schedule(Path source) throws ContentException {
    Map<String, Object> values = checkedSettings(source);
    return new Schedule((LocalTime) values.get("newsletter.send_time"), (ZoneId) values.get("site.timezone"));
  }

  /**
   * The project's settings, checked, with their defaults, read without the content (for commands
   * that need a setting or two: a send, a schedule).
   *
   * @throws ContentException when a setting is wrong
   */
  public static Map<String, Object> checkedSettings(Path source) throws ContentException {
    source = source.toAbsolutePath().normalize();
    DefaultJBakeConfiguration config = configuration(source, source.resolve("target/site"));
    Settings.Checked settings = checkSettings(source, config);
    if (!settings.problems().isEmpty()) {
      throw new ContentException(settings.problems());
    }
    return settings.values();
  }

  /**
   * JBake's configuration of the project, not checked: enough to know its folders while a
   * setting is wrong.
   */
  public static DefaultJBakeConfiguration configuration(Path source, Path destination) throws ContentException {
    Path properties = source.resolve("jbake.properties");
    try {
      return new JBakeConfigurationFactory()
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
  }

  /**
   * Checks the settings press reads, in the files JBake reads them from ({@code custom.properties}
   * first, when a project still has it), each problem at its line.
   */
  private static Settings.Checked checkSettings(Path source, DefaultJBakeConfiguration config) throws ContentException {
    List<Settings.Source> files = new ArrayList<>();
    for (String name : List.of("custom.properties", "jbake.properties")) {
      Path file = source.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          files.add(new Settings.Source(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new ContentException(Diagnostic.error(name, 0, 0, "cannot read the file: " + e.getMessage(),
              "check its permissions"));
        }
      }
    }
    Path templates = config.getTemplateFolder().toPath();
    return Settings.check(files, key -> {
      Object v = text(config.get(key));
      return v == null ? null : v.toString().strip();
    }, source.relativize(templates).toString(), name -> Files.isRegularFile(templates.resolve(name)));
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
  public Map<String, Object> templateConfig() {
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
    return (Boolean) settings.get("press.lint");
  }

  /** A limit of the content lint, {@code press.lint.<name>}, or {@code fallback} when not set. */
  public int lintLimit(String name, int fallback) {
    Object limit = settings.get("press.lint." + name);
    return limit == null ? fallback : (Integer) limit;
  }

  /** The newsletter's stylesheet, relative to the project ({@code newsletter.css}). */
  public Path emailCss() {
    return source.resolve((String) settings.get("newsletter.css"));
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
    ListSettings list = listSettings();
    String unsubscribe;
    if (!string(config, "newsletter.unsubscribe_url", "").isEmpty() || list.url() == null) {
      unsubscribe = required("newsletter.unsubscribe_url", "https://example.org/unsubscribe/?token={{token}}", problems);
    } else if (list.url().startsWith("https://")) {
      unsubscribe = list.unsubscribeUrl(); // the list service answers the one-click unsubscribe
    } else {
      unsubscribe = "";
      problems.add(Diagnostic.error("jbake.properties", 0, 0,
          "newsletter.list_url is an http address, and an email's unsubscribe link must be https",
          "set newsletter.unsubscribe_url=https://…/u/{{token}} while you try the service on this machine,"
              + " or give newsletter.list_url its https address"));
    }
    String mailto = required("newsletter.unsubscribe_mailto", "mailto:unsubscribe@example.org?subject=unsubscribe%20{{token}}", problems);
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
        (LocalTime) settings.get("newsletter.send_time"),
        zone());
  }

  /**
   * The list service's settings ({@code newsletter.list_*}), checked, with their defaults.
   *
   * @param url the service's public address without a trailing slash, or {@code null} when the
   *     site has no list service (its forms and one-click unsubscribe then have no endpoint)
   * @param database the JDBC URL of the list ({@code jdbc:sqlite:.press/list.db} by default)
   * @param trustedProxy the IP address whose {@code X-Forwarded-For} is believed, or {@code null}
   * @param limitPerIp signups per client IP address per hour
   * @param limitPerAddress signups per email address per hour
   * @param limitEmails confirmation emails per hour, all addresses together
   * @param softBounces how many temporary failures make an address {@code bounced}
   * @param softBounceDays within how many days they must fall
   * @param bounceAddress {@code newsletter.bounce_address}, where bounces go (its VERP base), or
   *     {@code null}
   */
  public record ListSettings(
      String url, String database, String trustedProxy, int limitPerIp, int limitPerAddress, int limitEmails,
      int softBounces, int softBounceDays, String bounceAddress) {
    /** Where the site's forms post: {@code <url>/subscribe}, or {@code null} without a service. */
    public String subscribeUrl() {
      return url == null ? null : url + "/subscribe";
    }

    /** The one-click unsubscribe address with its token placeholder: {@code <url>/u/{{token}}}. */
    public String unsubscribeUrl() {
      return url == null ? null : url + "/u/" + EmailSettings.TOKEN_PLACEHOLDER;
    }
  }

  /**
   * Where bounces go ({@code newsletter.bounce_address}, a bare address): each message's envelope
   * sender, with the recipient's id after a '+' when the list is in the store (VERP); {@code null}
   * when not set (the envelope sender is then the From address).
   */
  public String bounceAddress() {
    return (String) settings.get("newsletter.bounce_address");
  }

  /** The list service's settings from {@code newsletter.list_*} (see {@link ListSettings}). */
  public ListSettings listSettings() {
    return new ListSettings(
        (String) settings.get("newsletter.list_url"),
        (String) settings.get("newsletter.list_db"),
        (String) settings.get("newsletter.list_trusted_proxy"),
        (Integer) settings.get("newsletter.list_limit_ip"),
        (Integer) settings.get("newsletter.list_limit_address"),
        (Integer) settings.get("newsletter.list_limit_emails"),
        (Integer) settings.get("newsletter.list_soft_bounces"),
        (Integer) settings.get("newsletter.list_soft_bounce_days"),
        (String) settings.get("newsletter.bounce_address"));
  }

  /**
   * What the list service's webhooks need of the settings.
   *
   * @param sesTopicArn the SNS topic {@code /hooks/ses} takes messages from ({@code
   *     newsletter.list_ses_topic_arn}), or {@code null}: then that endpoint is off
   * @param bounceAddress the envelope sender's address ({@code newsletter.bounce_address}), whose
   *     VERP form names a bounce's member and issue, or {@code null}
   */
  public record HookSettings(String sesTopicArn, String bounceAddress) {}

  /** The webhooks' settings (see {@link HookSettings}). */
  public HookSettings hookSettings() {
    return new HookSettings((String) settings.get("newsletter.list_ses_topic_arn"),
        (String) settings.get("newsletter.bounce_address"));
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
  public DefaultJBakeConfiguration config() {
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
    return (Locale) settings.get("site.locale");
  }

  /** The zone in which dates are days. */
  public ZoneId zone() {
    return (ZoneId) settings.get("site.timezone");
  }

  /** The site's title ({@code site.title}), or {@code fallback}. */
  public String title(String fallback) {
    return string(config, "site.title", fallback);
  }

  /** The site's absolute address without a trailing slash. */
  public String host() {
    String host = (String) settings.get("site.host");
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
      pages.put(key.substring(PAGE_PREFIX.length()), text(config.get(key)).toString().strip());
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
