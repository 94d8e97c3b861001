package dev.herald.notifications.entity;

import dev.herald.messages.entity.MessageLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A user's notification preferences, as {@code GET/PUT /api/me/preferences} read and write them
 * whole. Rules between fields (a channel needs its address) are checked by PreferenceRules.
 */
public record Preferences(
    @NotNull(message = "is required") @Size(max = 3, message = "must name at most {max} channels")
        List<
                @NotNull(message = "must not be null")
                @Pattern(regexp = "email|sms|log", message = "must be one of email, sms, log")
                String>
            channels,
    @Size(max = 254, message = "must be at most {max} characters")
        @Pattern(regexp = EMAIL, message = "must be an email address like name@example.org")
        String email,
    @Pattern(regexp = E164, message = "must be an E.164 phone number like +821012345678")
        String phone,
    @Size(max = MAX_MUTED, message = "must hold at most {max} conversation ids")
        List<
                @NotNull(message = "must not be null")
                @Pattern(
                    regexp = MessageLimits.CONVERSATION_ID_REGEX,
                    message = "must be a conversation id")
                String>
            mutedConversationIds,
    @Valid QuietHours quietHours,
    @Min(value = 0, message = "must be 0 (off) to 1440")
        @Max(value = MAX_DIGEST_MINUTES, message = "must be 0 (off) to 1440")
        Integer digestMinutes) {

  public static final int MAX_MUTED = 100;
  public static final int MAX_DIGEST_MINUTES = 1440;
  public static final String E164 = "\\+[1-9][0-9]{1,14}";

  /** Deliberately plain: a local part and a dotted domain of ASCII letters, digits and hyphens. */
  public static final String EMAIL =
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

  public static Preferences defaults() {
    return new Preferences(List.of("log"), null, null, List.of(), null, 0);
  }

  /** Absent optional fields as their defaults, so stored preferences are always complete. */
  public Preferences normalized() {
    return new Preferences(
        channels.stream().distinct().toList(),
        email,
        phone,
        mutedConversationIds == null
            ? List.of()
            : mutedConversationIds.stream().distinct().toList(),
        quietHours,
        digestMinutes == null ? 0 : digestMinutes);
  }
}
