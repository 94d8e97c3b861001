package dev.herald.live.entity;

import java.time.Instant;

/** A single-use ticket to open one stream without a header, valid until {@code expiresAt}. */
public record StreamTicket(String ticket, Instant expiresAt) {}
