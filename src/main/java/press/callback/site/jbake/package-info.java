/**
 * The JBake adapter: the only package that imports {@code org.jbake}. Reads the project's
 * configuration ({@link press.callback.site.jbake.SiteProject}), hosts JBake's static registries
 * and store for the process ({@link press.callback.site.jbake.JbakeHost}), hands JBake's crawler
 * the documents press already read ({@link press.callback.site.jbake.CatalogMarkupEngine}), reads
 * the store back once ({@link press.callback.site.jbake.StoreSnapshot}), and renders JBake's pages
 * with its model from that snapshot ({@link press.callback.site.jbake.PageStage},
 * {@link press.callback.site.jbake.SitePages}, {@link press.callback.site.jbake.FreemarkerTemplates}).
 */
package press.callback.site.jbake;
