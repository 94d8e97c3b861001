package dev.herald.conversations.entity;

import java.util.List;

/**
 * Users were added to or removed from a group (its creation adds every first member), fired inside
 * the transaction that changed the membership.
 */
public record MembersChanged(
    String conversationId, String title, List<String> added, List<String> removed) {}
