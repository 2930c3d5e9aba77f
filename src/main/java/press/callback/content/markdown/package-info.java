/**
 * Our flexmark extensions: explicit heading ids ({@code ## Title {#id}}), email placeholders
 * ({@code {name}}), bare links found only in text that can hold one, script addresses turned into
 * text; the direct HTML writer is in {@code internal}. Pure, like the rest of {@code content}.
 */
package press.callback.content.markdown;
