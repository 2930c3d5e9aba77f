/**
 * The list: readers who join by themselves (double opt-in) and leave with one click (RFC 8058).
 *
 * <p>A pure core of statuses and tokens ({@link press.callback.list.ListStatus}, {@link
 * press.callback.list.Tokens}); the store behind one interface ({@link
 * press.callback.list.ListStore}: SQLite by default, PostgreSQL when outgrown, one schema and its
 * migrations); the HTTP service at the edge.
 */
package press.callback.list;
