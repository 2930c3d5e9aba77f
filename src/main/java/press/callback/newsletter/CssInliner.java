package press.callback.newsletter;

import com.helger.css.decl.CSSDeclaration;
import com.helger.css.decl.CSSDeclarationList;
import com.helger.css.decl.CSSSelector;
import com.helger.css.decl.CSSSelectorAttribute;
import com.helger.css.decl.CSSSelectorMemberFunctionLike;
import com.helger.css.decl.CSSSelectorMemberNot;
import com.helger.css.decl.CSSSelectorSimpleMember;
import com.helger.css.decl.CSSStyleRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ICSSSelectorMember;
import com.helger.css.decl.ICSSTopLevelRule;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderDeclarationList;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.CSSParseError;
import com.helger.css.reader.errorhandler.CollectingCSSParseErrorHandler;
import com.helger.css.writer.CSSWriter;
import com.helger.css.writer.CSSWriterSettings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;
import press.callback.diag.Diagnostic;

/**
 * Moves a document's CSS into {@code style} attributes, as email clients need: the cascade is
 * resolved here (specificity, source order, {@code !important}, existing inline styles).
 * Rules that cannot be inlined — {@code @media} (including {@code prefers-color-scheme}),
 * {@code :hover} and other dynamic pseudo-classes, pseudo-elements, and client hooks that match
 * nothing at build time (attribute selectors such as Outlook.com's {@code [data-ogsc]}) — stay
 * in one {@code <style>} in the head. Other rules that match nothing are dropped.
 *
 * <p>Idempotent: inlining an inlined document changes nothing.
 */
public final class CssInliner {
  private static final int INLINE = 1_000_000;
  private static final Set<String> DYNAMIC =
      Set.of("hover", "active", "focus", "focus-visible", "focus-within", "visited", "link", "target");
  private static final Set<String> LEGACY_PSEUDO_ELEMENTS =
      Set.of("before", "after", "first-line", "first-letter");
  private static final CSSWriterSettings COMPACT = new CSSWriterSettings(true);
  /** One rule a line, so the kept CSS stays readable and no line grows long. */
  private static final CSSWriterSettings READABLE = new CSSWriterSettings(false);

  private CssInliner() {}

  /** Problems that keep {@code css} from being read, as diagnostics on {@code path}. */
  public static List<Diagnostic> check(String css, String path) {
    CollectingCSSParseErrorHandler errors = new CollectingCSSParseErrorHandler();
    CascadingStyleSheet sheet = CSSReader.readFromStringReader(css, new CSSReaderSettings().setCustomErrorHandler(errors));
    List<Diagnostic> out = new ArrayList<>();
    for (CSSParseError e : errors.getAllParseErrors()) {
      int line = e.getFirstSkippedToken() != null ? e.getFirstSkippedToken().getBeginLine() : 0;
      int col = e.getFirstSkippedToken() != null ? e.getFirstSkippedToken().getBeginColumn() : 0;
      out.add(Diagnostic.error(path, line, col, "CSS cannot be read: " + e.getErrorMessage(),
          "fix the rule here; every declaration is 'property: value;' inside { }"));
    }
    if (sheet == null && out.isEmpty()) {
      out.add(Diagnostic.error(path, 0, 0, "CSS cannot be read", "check the file's braces and semicolons"));
    }
    return out;
  }

  /**
   * Inlines the rules of every {@code <style>} element of {@code doc} and leaves one {@code
   * <style>} in the head with what must stay there.
   *
   * @throws IllegalArgumentException if the CSS cannot be read (see {@link #check})
   */
  public static void inline(Document doc) {
    StringBuilder css = new StringBuilder();
    for (Element style : doc.select("style")) {
      css.append(style.data()).append('\n');
      style.remove();
    }
    CascadingStyleSheet sheet = CSSReader.readFromStringReader(css.toString(),
        new CSSReaderSettings().setCustomErrorHandler(new CollectingCSSParseErrorHandler()));
    if (sheet == null) {
      throw new IllegalArgumentException("CSS cannot be read");
    }
    Map<Element, List<Applied>> applied = new IdentityHashMap<>();
    CascadingStyleSheet kept = new CascadingStyleSheet();
    int order = 0;
    for (ICSSTopLevelRule rule : sheet.getAllRules()) {
      if (!(rule instanceof CSSStyleRule styleRule)) {
        kept.addRule(rule);
        continue;
      }
      CSSStyleRule keep = null;
      int firstOrder = order;
      order += styleRule.getDeclarationCount();
      for (CSSSelector selector : styleRule.getAllSelectors()) {
        boolean inlinable = inlinable(selector);
        Elements matched = inlinable ? select(doc, selector) : new Elements();
        if (matched.isEmpty() && inlinable && !clientHook(selector)) {
          continue; // matches nothing in this email: dead weight
        }
        if (matched.isEmpty()) {
          if (keep == null) {
            keep = new CSSStyleRule();
            styleRule.getAllDeclarations().forEach(keep::addDeclaration);
            kept.addRule(keep);
          }
          keep.addSelector(selector);
          continue;
        }
        int specificity = specificity(selector);
        int i = firstOrder;
        for (CSSDeclaration d : styleRule.getAllDeclarations()) {
          Applied a = Applied.of(d, specificity, i++);
          for (Element e : matched) {
            applied.computeIfAbsent(e, k -> new ArrayList<>()).add(a);
          }
        }
      }
    }
    for (Element e : doc.select("[style]")) {
      applied.computeIfAbsent(e, k -> new ArrayList<>());
    }
    applied.forEach(CssInliner::writeStyle);
    String rest = new CSSWriter(READABLE).setWriteHeaderText(false).getCSSAsString(kept).strip();
    if (!rest.isEmpty()) {
      doc.head().appendElement("style").attr("type", "text/css")
          .appendChild(new org.jsoup.nodes.DataNode("\n" + rest + "\n"));
    }
  }

  /** One declaration as it applies to one element. */
  private record Applied(String property, String value, boolean important, int specificity, int order) {
    static Applied of(CSSDeclaration d, int specificity, int order) {
      return new Applied(
          d.getProperty().toLowerCase(Locale.ROOT), d.getExpressionAsCSSString(), d.isImportant(),
          specificity, order);
    }

    /** Cascade rank: later wins. Important beats normal; then specificity (inline highest); then order. */
    long rank() {
      return (important ? 1L << 60 : 0) + ((long) specificity << 24) + order;
    }
  }

  private static void writeStyle(Element e, List<Applied> fromSheet) {
    List<Applied> all = new ArrayList<>(fromSheet);
    String inline = e.attr("style");
    if (!inline.isBlank()) {
      CSSDeclarationList list = CSSReaderDeclarationList.readFromString(inline);
      if (list != null) {
        int i = 0;
        for (CSSDeclaration d : list.getAllDeclarations()) {
          all.add(Applied.of(d, INLINE, i++));
        }
      }
    }
    Map<String, Applied> winners = new LinkedHashMap<>();
    for (Applied a : all) {
      winners.merge(a.property(), a, (x, y) -> y.rank() >= x.rank() ? y : x);
    }
    StringBuilder style = new StringBuilder();
    winners.values().stream()
        .sorted((x, y) -> Long.compare(x.rank(), y.rank()))
        .forEach(a -> {
          if (style.length() > 0) {
            style.append(';');
          }
          style.append(a.property()).append(':').append(a.value());
          if (a.important()) {
            style.append(" !important");
          }
        });
    if (style.length() == 0) {
      e.removeAttr("style");
    } else {
      e.attr("style", style.toString());
    }
  }

  private static Elements select(Document doc, CSSSelector selector) {
    String query = selector.getAsCSSString(COMPACT, 0);
    try {
      Elements found = doc.select(query);
      found.removeIf(e -> e.closest("head") != null);
      return found;
    } catch (Selector.SelectorParseException e) {
      return new Elements(); // jsoup cannot evaluate it: leave the rule in <style>
    }
  }

  /**
   * Whether an unmatched selector may match in the reader's client: attribute selectors such as
   * Outlook.com's {@code [data-ogsc]}, or the wrappers some clients put around a message.
   */
  private static boolean clientHook(CSSSelector selector) {
    String text = selector.getAsCSSString(COMPACT, 0);
    return selector.getAllMembers().stream().anyMatch(m -> m instanceof CSSSelectorAttribute)
        || text.contains("#MessageViewBody") || text.contains(".ExternalClass") || text.startsWith("u+") || text.startsWith("u +");
  }

  /** Whether the selector means the same at build time as in the reader's client. */
  private static boolean inlinable(CSSSelector selector) {
    for (ICSSSelectorMember m : selector.getAllMembers()) {
      if (m instanceof CSSSelectorSimpleMember s && s.getValue().startsWith(":")) {
        String name = s.getValue().replaceFirst("^::?", "").toLowerCase(Locale.ROOT);
        if (s.getValue().startsWith("::") || DYNAMIC.contains(name) || LEGACY_PSEUDO_ELEMENTS.contains(name)) {
          return false;
        }
      }
    }
    return true;
  }

  /** CSS specificity as one number: ids × 10,000 + classes, attributes, pseudo-classes × 100 + types. */
  static int specificity(CSSSelector selector) {
    int a = 0;
    int b = 0;
    int c = 0;
    for (ICSSSelectorMember m : selector.getAllMembers()) {
      if (m instanceof CSSSelectorSimpleMember s) {
        String v = s.getValue();
        if (v.startsWith("#")) {
          a++;
        } else if (v.startsWith(".")) {
          b++;
        } else if (v.startsWith("::") || LEGACY_PSEUDO_ELEMENTS.contains(v.replaceFirst("^:", ""))) {
          c++;
        } else if (v.startsWith(":")) {
          b++;
        } else if (!v.equals("*")) {
          c++;
        }
      } else if (m instanceof CSSSelectorAttribute || m instanceof CSSSelectorMemberFunctionLike) {
        b++;
      } else if (m instanceof CSSSelectorMemberNot not) {
        int max = 0;
        for (CSSSelector inner : not.getAllSelectors()) {
          max = Math.max(max, specificity(inner));
        }
        a += max / 10_000;
        b += (max / 100) % 100;
        c += max % 100;
      }
    }
    return a * 10_000 + b * 100 + c;
  }
}
