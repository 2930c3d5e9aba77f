/**
 * The output check: reads the baked site as a visitor's browser would and reports what leads
 * nowhere — internal links, {@code #anchors} and images — pointing each problem back at the
 * Markdown line or template that wrote it.
 *
 * <p>Pure: the pages come in as strings, the catalog and the templates' text as values; nothing
 * here reads files or the network. {@code site} reads the folder and probes external links.
 *
 * <p>A room of its own rather than part of {@code content}: {@code content} reads sources, this
 * reads what the bake made of them (HTML from templates and Markdown together).
 */
package press.callback.check;
