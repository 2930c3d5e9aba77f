package press.callback.list;

import java.time.Instant;

/**
 * Something that happened to a member: every change of status, and each email the list sent.
 *
 * @param at when
 * @param kind what ({@code signup}, {@code confirmed}, {@code unsubscribed}, …)
 * @param source where it came from ({@code form}, {@code one-click}, {@code import}, {@code cli}, …)
 */
public record ListEvent(Instant at, String kind, String source) {}
