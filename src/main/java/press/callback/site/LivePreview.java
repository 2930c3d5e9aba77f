package press.callback.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import press.callback.content.ContentTypes;
import press.callback.content.Document;
import press.callback.content.Entry;
import press.callback.content.ListEmail;
import press.callback.content.Status;
import press.callback.newsletter.Issue;

/**
 * What the dev server's preview pages show of the site as last baked: which pages readers would
 * not see, the issues and list emails written as email, the draft issues left out.
 */
public final class LivePreview {
  /** An issue's email, for the preview pages. */
  public record IssueView(
      String id, String title, String subject, String preheader, LocalDate date, String url, String mark) {}

  /** Before the first successful bake: nothing to show. */
  static final LivePreview NONE = new LivePreview(List.of(), List.of(), List.of(), null, false);

  private final List<Entry> entries;
  private final List<Issue> issues;
  private final List<ListEmail> listEmails;
  private final LocalDate today;
  private final boolean preview;

  private LivePreview(
      List<Entry> entries, List<Issue> issues, List<ListEmail> listEmails, LocalDate today, boolean preview) {
    this.entries = entries;
    this.issues = issues;
    this.listEmails = listEmails;
    this.today = today;
    this.preview = preview;
  }

  /** The site a bake left warm; {@code preview} when drafts and future documents are shown. */
  static LivePreview of(SiteBaker.Warm warm, boolean preview) {
    return new LivePreview(warm.catalog().all(), warm.newsletter().issues(),
        warm.emails() == null ? List.of() : warm.emails().listEmails(), warm.request().today(), preview);
  }

  /**
   * Pages readers would not see, by URL path ({@code /articles/2026/x/}): what the preview
   * marks as draft or scheduled. Empty unless drafts are shown.
   */
  public Map<String, String> marks() {
    Map<String, String> out = new HashMap<>();
    if (!preview) {
      return out;
    }
    for (Entry e : entries) {
      String mark = mark(e.doc(), today);
      if (mark != null) {
        out.put(e.url(), mark);
      }
    }
    return out;
  }

  /** The issues written as email, newest first. */
  public List<IssueView> issues() {
    List<IssueView> out = new ArrayList<>();
    for (Issue i : issues) {
      out.add(0, new IssueView(i.id(), i.title(), i.subject(), i.preheader(), i.date(), i.url(),
          mark(i.entry().doc(), today)));
    }
    return out;
  }

  /** The list service's emails written by the last bake ({@code newsletter/list/<name>/}). */
  public List<ListEmail> listEmails() {
    return listEmails;
  }

  /** Draft issues left out of the previews (shown with --drafts). */
  public int hiddenDraftIssues() {
    if (preview) {
      return 0;
    }
    return (int) entries.stream()
        .filter(e -> e.type().equals(ContentTypes.ISSUE) && e.doc().status() == Status.DRAFT)
        .count();
  }

  private static String mark(Document doc, LocalDate today) {
    if (doc.status() == Status.DRAFT) {
      return "Draft: not on the published site";
    }
    if (doc.date() != null && doc.date().isAfter(today)) {
      return "Scheduled: goes live on " + doc.date();
    }
    return null;
  }
}
