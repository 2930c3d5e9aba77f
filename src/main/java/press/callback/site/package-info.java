/**
 * The JBake adapter: the only package that imports {@code org.jbake}. Loads the project's
 * configuration, registers our Markdown engine and FreeMarker templates with JBake, runs the bake
 * into a temporary folder and swaps it in, and turns JBake's and FreeMarker's errors into
 * diagnostics.
 *
 * <p>Also the output check's edge: {@link press.callback.site.SiteCheck} reads a baked folder for
 * the pure {@code check} package, and {@link press.callback.site.LinkProber} asks external servers
 * about outgoing links.
 */
package press.callback.site;
