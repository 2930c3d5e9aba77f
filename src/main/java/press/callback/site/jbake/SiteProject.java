package press.callback.site.jbake;

import java.io.File;
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
import org.jbake.app.configuration.DefaultJBakeConfiguration;
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
 * <p>Reading the files is {@link ProjectConfiguration}'s; the newsletter's and the list service's
 * settings are {@link NewsletterSettings}, {@link ListSettings} and {@link HookSettings}. A little
 * over 300 lines: one small typed accessor per setting family the other packages read (folders,
 * site, lint, email, list, webhooks), kept together on the project.
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
    Settings.Checked settings = ProjectConfiguration.check(source, config);
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
    Settings.Checked settings = ProjectConfiguration.check(source, config);
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
    return ProjectConfiguration.read(source, destination);
  }

  /** The configuration as templates see it ({@code config.site_title}), text settings joined. */
  public Map<String, Object> templateConfig() {
    Map<String, Object> map = new LinkedHashMap<>(config.asHashMap());
    map.replaceAll(
        (k, v) ->
            k.startsWith("site_") || k.startsWith("newsletter_") || k.startsWith("playbook_")
                ? ProjectConfiguration.text(v)
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
    return NewsletterSettings.read(this, (LocalTime) settings.get("newsletter.send_time"));
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
    return ListSettings.of(settings);
  }

  /** The webhooks' settings (see {@link HookSettings}). */
  public HookSettings hookSettings() {
    return HookSettings.of(settings);
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
    return ProjectConfiguration.string(config, "site.title", fallback);
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
      names.add(ProjectConfiguration.string(config, "playbook.step." + i, "Step " + i));
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
      pages.put(key.substring(PAGE_PREFIX.length()), ProjectConfiguration.text(config.get(key)).toString().strip());
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
