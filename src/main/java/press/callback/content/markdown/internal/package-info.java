/**
 * Not API: the direct HTML writer behind {@code content.MarkdownRenderer}, a faster path to the
 * HTML flexmark's renderer writes for the common nodes. Nothing outside {@code content} uses it,
 * and its classes may change or go without notice.
 */
package press.callback.content.markdown.internal;
