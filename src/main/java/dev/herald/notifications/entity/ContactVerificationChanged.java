package dev.herald.notifications.entity;

import java.util.Map;

/**
 * A step in confirming a contact happened: {@code code-sent}, {@code confirmed} or {@code
 * code-refused}; fired in its transaction, so the audit row commits with it. The address is masked
 * ({@link Contact#masked}).
 */
public record ContactVerificationChanged(
    String user, Contact contact, String change, String maskedAddress, Map<String, ?> details) {}
