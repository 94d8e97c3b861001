package dev.herald.notifications.entity;

import java.util.Optional;

/**
 * An address a user gives for alerts, which must be confirmed before alerts go to it: its name in
 * the API ({@code /api/me/preferences/{contact}/...}) and the channel that reaches it.
 */
public enum Contact {
  EMAIL("email", "email", "email address"),
  PHONE("phone", "sms", "phone number");

  private final String slug;
  private final String channel;
  private final String noun;

  Contact(String slug, String channel, String noun) {
    this.slug = slug;
    this.channel = channel;
    this.noun = noun;
  }

  public String slug() {
    return slug;
  }

  public String channel() {
    return channel;
  }

  /** What users call it: "email address". */
  public String noun() {
    return noun;
  }

  /**
   * The address as far as the audit log keeps it (it cannot be deleted from there): the first
   * character and the domain of an email address, the last three digits of a phone number.
   */
  public String masked(String address) {
    if (this == EMAIL) {
      int at = address.indexOf('@');
      return address.charAt(0) + "***" + address.substring(at);
    }
    return "***" + address.substring(Math.max(0, address.length() - 3));
  }

  public static Optional<Contact> ofSlug(String slug) {
    for (Contact contact : values()) {
      if (contact.slug.equals(slug)) {
        return Optional.of(contact);
      }
    }
    return Optional.empty();
  }

  public static Optional<Contact> ofChannel(String channel) {
    for (Contact contact : values()) {
      if (contact.channel.equals(channel)) {
        return Optional.of(contact);
      }
    }
    return Optional.empty();
  }
}
