/**
 * Our flexmark extensions: explicit heading ids ({@code ## Title {#id}}) and email placeholders
 * ({@code {name}}). Pure, like the rest of {@code content}.
 */
package press.callback.content.markdown;
