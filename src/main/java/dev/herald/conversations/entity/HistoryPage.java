package dev.herald.conversations.entity;

import java.util.List;

/**
 * A page of history, oldest to newest. {@code nextCursor} leads to older messages (pass it as
 * {@code before}); {@code prevCursor} to newer ones (pass it as {@code after}). Either is absent
 * when there is certainly nothing that way; {@code prevCursor} is given on every non-empty page, so
 * a client can ask for what arrived since.
 */
public record HistoryPage(List<HistoryItem> items, String nextCursor, String prevCursor) {}
