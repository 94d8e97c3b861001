package dev.herald.notifications.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user's saved notification preferences, one row per user; the API's {@link Preferences} is what
 * it holds. Channels and muted conversations are PostgreSQL arrays.
 */
@Entity
@Table(name = "notification_preferences")
// a first save by two requests at once must not fail on the primary key: both insert if absent,
// then change the row they locked
@NamedNativeQuery(
    name = "NotificationPreference.insertIfAbsent",
    query =
        "insert into notification_preferences (user_name) values (:userName)"
            + " on conflict (user_name) do nothing")
public class NotificationPreference {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  @Id String userName;

  @JdbcTypeCode(SqlTypes.ARRAY)
  List<String> channels;

  String email;
  String phone;

  @JdbcTypeCode(SqlTypes.ARRAY)
  List<String> mutedConversations;

  LocalTime quietStart;
  LocalTime quietEnd;
  String quietZone;
  int digestMinutes;
  Instant emailVerifiedAt;
  Instant phoneVerifiedAt;
  Instant updatedAt;

  protected NotificationPreference() {}

  public Preferences preferences() {
    QuietHours quiet =
        quietZone == null
            ? null
            : new QuietHours(HH_MM.format(quietStart), HH_MM.format(quietEnd), quietZone);
    return new Preferences(
        List.copyOf(channels), email, phone, List.copyOf(mutedConversations), quiet, digestMinutes);
  }

  /** The saved preferences with whether each address was confirmed. */
  public PreferencesAnswer answer() {
    return PreferencesAnswer.of(preferences(), emailVerifiedAt != null, phoneVerifiedAt != null);
  }

  /** The address saved for this contact, if any. */
  public String address(Contact contact) {
    return contact == Contact.EMAIL ? email : phone;
  }

  public boolean verified(Contact contact) {
    return (contact == Contact.EMAIL ? emailVerifiedAt : phoneVerifiedAt) != null;
  }

  /** Marks the contact confirmed, if {@code address} is still the one saved for it. */
  public boolean confirm(Contact contact, String address, Instant now) {
    if (!address.equals(address(contact))) {
      return false;
    }
    if (contact == Contact.EMAIL) {
      emailVerifiedAt = now;
    } else {
      phoneVerifiedAt = now;
    }
    return true;
  }

  /** Replaces every setting with {@code saved} (normalized: nothing absent). */
  public void replaceWith(Preferences saved, Instant now) {
    QuietHours quiet = saved.quietHours();
    // a confirmed address stays confirmed only while it is the one saved
    if (!Objects.equals(email, saved.email())) {
      emailVerifiedAt = null;
    }
    if (!Objects.equals(phone, saved.phone())) {
      phoneVerifiedAt = null;
    }
    channels = List.copyOf(saved.channels());
    email = saved.email();
    phone = saved.phone();
    mutedConversations = List.copyOf(saved.mutedConversationIds());
    quietStart = quiet == null ? null : LocalTime.parse(quiet.start());
    quietEnd = quiet == null ? null : LocalTime.parse(quiet.end());
    quietZone = quiet == null ? null : quiet.timeZone();
    digestMinutes = saved.digestMinutes();
    updatedAt = now;
  }
}
