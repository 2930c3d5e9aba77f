/**
 * The JBake adapter: the only package that imports {@code org.jbake}. Loads the project's
 * configuration, registers our Markdown engine and FreeMarker templates with JBake, runs the bake
 * into a temporary folder and swaps it in, and turns JBake's and FreeMarker's errors into
 * diagnostics.
 */
package press.callback.site;
