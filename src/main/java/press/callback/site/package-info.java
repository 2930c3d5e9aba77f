/**
 * The bake: reads the project's content into a catalog, runs the stages (read and plan, render
 * bodies, assemble the newsletter, lint, crawl and model, render pages, write emails, check links)
 * into staging folders and swaps them in only if nothing failed ({@link press.callback.site.SiteBaker});
 * the dev server's site runs the same stages on the edited documents alone
 * ({@link press.callback.site.LiveSite}). JBake itself is behind {@link press.callback.site.jbake}.
 *
 * <p>Also the output check's edge: {@link press.callback.site.SiteCheck} reads a baked folder for
 * the pure {@code check} package.
 */
package press.callback.site;
