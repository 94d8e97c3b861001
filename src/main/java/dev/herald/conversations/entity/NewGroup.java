package dev.herald.conversations.entity;

import dev.herald.messages.entity.MessageLimits;
import dev.herald.platform.Text;
import dev.herald.platform.UserNames;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/conversations}: a title and the members besides the creator, who is
 * always one. The configured member limit is checked once duplicates are collapsed.
 */
public record NewGroup(
    @NotNull(message = "is required")
        @Size(max = Group.TITLE_MAX_CHARS, message = "must be at most {max} characters")
        @Text
        String title,
    @Size(max = MessageLimits.RECIPIENTS_HARD_MAX, message = "must name at most {max} members")
        List<
                @NotNull(message = "must not be null")
                @Pattern(
                    regexp = UserNames.REGEX,
                    message = "must be a user name (letters, digits, . _ @ + -, at most 128)")
                String>
            members) {}
