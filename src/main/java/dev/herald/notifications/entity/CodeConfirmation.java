package dev.herald.notifications.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/me/preferences/{contact}/confirmation}: the code that was sent. */
public record CodeConfirmation(
    @NotNull(message = "is required")
        @Pattern(regexp = "[0-9]{6}", message = "must be the six digits sent")
        String code) {}
