package dev.herald.live.entity;

import java.time.Instant;

/** Who a stream is for, and until when: the expiry of the token that opened it. */
public record Viewer(String user, Instant until) {}
