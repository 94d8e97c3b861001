package dev.herald.notifications.entity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What {@code GET/PUT /api/me/preferences} answer: the preferences, and whether each address was
 * confirmed (an unconfirmed one gets no alerts: they are skipped, "email address not verified").
 */
public record PreferencesAnswer(
    @JsonUnwrapped Preferences preferences, boolean emailVerified, boolean phoneVerified) {

  public static PreferencesAnswer of(Preferences preferences, boolean email, boolean phone) {
    // no address, nothing confirmed
    return new PreferencesAnswer(
        preferences, email && preferences.email() != null, phone && preferences.phone() != null);
  }
}
