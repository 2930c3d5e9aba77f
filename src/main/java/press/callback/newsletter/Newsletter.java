package press.callback.newsletter;

import java.util.List;

/** Every assembled issue, oldest first, as templates see it ({@code newsletter.*}). */
public record Newsletter(List<Issue> issues) {
  public Newsletter {
    issues = List.copyOf(issues);
  }

  /** The issue of a source file ({@code content/newsletter/2026-11-30.md}), or {@code null}. */
  public Issue issue(String path) {
    return issues.stream().filter(i -> i.entry().path().equals(path)).findFirst().orElse(null);
  }

  /** Issues readers may see on the site today, newest first. */
  public List<Issue> published() {
    return issues.stream().filter(i -> i.entry().visible()).sorted((a, b) -> b.date().compareTo(a.date())).toList();
  }
}
