/**
 * The content model: front matter parsing, content types, validation, Markdown rendering and the
 * catalog of everything a bake publishes.
 *
 * <p>Pure: values in, values out. Nothing here reads files, the clock or the environment; the
 * caller passes the text, the build date and the settings.
 */
package press.callback.content;
