package dev.herald.notifications.boundary;

import dev.herald.notifications.control.NotificationQueries;
import dev.herald.notifications.entity.NotificationView;
import dev.herald.platform.Caller;
import dev.herald.platform.Ids;
import dev.herald.platform.Page;
import dev.herald.platform.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;

/** The caller's alerts and their status, newest first; other users' alerts are never listed. */
@ApplicationScoped
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
  @Inject Caller caller;
  @Inject NotificationQueries queries;

  @GET
  public Page<NotificationView> list(
      @QueryParam("messageId") String messageId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    return queries.page(caller.name(), message(messageId), QueryParams.limit(limit), cursor);
  }

  private static UUID message(String messageId) {
    if (messageId == null || messageId.isEmpty()) {
      return null;
    }
    return Ids.uuid(messageId)
        .orElseThrow(() -> QueryParams.invalid("messageId", "must be a message id (UUID)"));
  }
}
