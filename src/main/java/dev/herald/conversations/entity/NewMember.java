package dev.herald.conversations.entity;

import dev.herald.platform.UserNames;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/conversations/{id}/members}. */
public record NewMember(
    @NotNull(message = "is required")
        @Pattern(
            regexp = UserNames.REGEX,
            message = "must be a user name (letters, digits, . _ @ + -, at most 128)")
        String user) {}
