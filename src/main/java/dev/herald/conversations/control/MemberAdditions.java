package dev.herald.conversations.control;

import dev.herald.limits.control.SharedRateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The members a user brings into groups per hour, across instances: those added later and those
 * named when a group is created alike, since either way strangers are pulled into a conversation
 * (docs/decisions/0019-verified-contacts-and-limits.md).
 */
@ApplicationScoped
public class MemberAdditions {
  @Inject SharedRateLimit rateLimit;

  /** Members a user adds per hour, across instances; 0 = no limit. */
  @Inject
  @ConfigProperty(
      name = "herald.conversations.rate-limit.member-additions-per-hour",
      defaultValue = "100")
  int perHour;

  /**
   * Counts {@code count} additions by {@code actor}, all or none, in the caller's transaction; 429
   * with Retry-After if they do not fit in this hour's allowance.
   */
  public void charge(String actor, int count) throws SQLException {
    rateLimit.acquire(
        "group.member-add",
        actor,
        count,
        perHour,
        3600,
        "At most " + perHour + " member additions per hour per user.");
  }
}
