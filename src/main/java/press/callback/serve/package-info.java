/**
 * {@code press serve}: the author's preview. Serves the baked site on a loopback port, watches the
 * sources, applies each change through {@link press.callback.site.LiveSite} and tells open pages to
 * reload (Server-Sent Events), or shows the errors over the page until they are fixed.
 */
package press.callback.serve;
