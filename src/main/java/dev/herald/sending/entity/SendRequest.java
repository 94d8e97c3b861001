package dev.herald.sending.entity;

import dev.herald.messages.entity.MessageLimits;
import dev.herald.platform.Text;
import dev.herald.platform.UserNames;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/messages}. The sender is never part of it: it is the caller. A send
 * to a group names no recipients: they are the group's members at send time.
 */
@Addressed
public record SendRequest(
    List<
            @NotNull(message = "must not be null")
            @Pattern(
                regexp = UserNames.REGEX,
                message = "must be a user name (letters, digits, . _ @ + -, at most 128)")
            String>
        to,
    @NotNull(message = "is required")
        @Size(max = MessageLimits.BODY_MAX_CHARS, message = "must be at most {max} characters")
        @Text(multiline = true)
        String body,
    @Size(max = MessageLimits.SUBJECT_MAX_CHARS, message = "must be at most {max} characters") @Text
        String subject,
    @Pattern(
            regexp = MessageLimits.CONVERSATION_ID_REGEX,
            message = "must be 1-100 of A-Z a-z 0-9 . _ : - starting with a letter or digit")
        String conversationId) {}
