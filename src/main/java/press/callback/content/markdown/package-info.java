/**
 * Our flexmark extensions: explicit heading ids ({@code ## Title {#id}}), email placeholders
 * ({@code {name}}), bare links found only in text that can hold one, script addresses turned into
 * text, and the direct HTML writer. Pure, like the rest of {@code content}.
 */
package press.callback.content.markdown;
