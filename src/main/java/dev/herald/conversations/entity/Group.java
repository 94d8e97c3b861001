package dev.herald.conversations.entity;

import java.time.Instant;
import java.util.List;

/** A group conversation and its current members, sorted by name. */
public record Group(
    String id, String title, List<String> members, String createdBy, Instant createdAt) {
  public static final int TITLE_MAX_CHARS = 200;
}
