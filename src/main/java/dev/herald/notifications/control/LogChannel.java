package dev.herald.notifications.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.SendOutcome;
import dev.herald.platform.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes one JSON line per alert to the server log: the default channel in development. It says who
 * and which message, not what: subject and snippet only with {@code
 * herald.notifications.log.include-content=true}, as server logs are read by more people, and kept
 * longer, than inboxes.
 */
@ApplicationScoped
public class LogChannel implements NotificationChannel {
  static final String NAME = "log";
  private static final Logger LOG = Logger.getLogger(LogChannel.class.getName());

  @Inject
  @ConfigProperty(name = "herald.notifications.log.include-content", defaultValue = "false")
  boolean includeContent;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> address(String user, Preferences preferences) {
    return Optional.of(user);
  }

  @Override
  public SendOutcome send(Alert alert) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "notification");
    line.put("notificationId", alert.notificationId().toString());
    line.put("recipient", alert.recipient());
    line.put("messageIds", alert.items().stream().map(i -> i.messageId().toString()).toList());
    line.put("sender", alert.first().sender());
    if (includeContent) {
      line.put("subject", alert.first().subject());
      line.put("snippet", Snippets.truncate(Snippets.oneLine(alert.first().body()), 80));
    }
    try {
      LOG.info(JsonMapping.strict().writeValueAsString(line));
    } catch (JsonProcessingException e) {
      LOG.log(Level.WARNING, "Alert " + alert.notificationId() + " not writable as JSON", e);
      return new SendOutcome.Failed("the alert could not be written to the log");
    }
    return new SendOutcome.Sent("log:" + alert.notificationId());
  }
}
