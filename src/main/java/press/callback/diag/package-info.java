/**
 * Diagnostics: what went wrong, where ({@code path:line:col}), and how to fix it.
 *
 * <p>Pure values and formatting only; printing and exit codes belong to {@code cli}.
 */
package press.callback.diag;
