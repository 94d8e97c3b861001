package dev.herald.notifications.control;

import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.QuietHours;
import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The rules between fields that Bean Validation cannot state on one field. */
public final class PreferenceRules {
  private PreferenceRules() {}

  public static void check(Preferences preferences) {
    List<FieldError> errors = new ArrayList<>();
    if (preferences.channels().contains("email") && preferences.email() == null) {
      errors.add(new FieldError("email", "is required when the email channel is enabled"));
    }
    if (preferences.channels().contains("sms") && preferences.phone() == null) {
      errors.add(new FieldError("phone", "is required when the sms channel is enabled"));
    }
    QuietHours quiet = preferences.quietHours();
    if (quiet != null) {
      if (!ZoneId.getAvailableZoneIds().contains(quiet.timeZone())) {
        errors.add(new FieldError("quietHours.timeZone", "must be an IANA time zone id"));
      }
      if (quiet.start().equals(quiet.end())) {
        errors.add(new FieldError("quietHours.end", "must differ from start"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.VALIDATION, "One or more fields are invalid.", errors);
    }
  }
}
