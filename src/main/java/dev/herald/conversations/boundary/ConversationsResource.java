package dev.herald.conversations.boundary;

import dev.herald.conversations.control.ConversationHistory;
import dev.herald.conversations.entity.HistoryItem;
import dev.herald.platform.Caller;
import dev.herald.platform.Page;
import dev.herald.platform.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Conversation history for its participants. */
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {
  @Inject Caller caller;
  @Inject ConversationHistory history;

  @GET
  @Path("{id}/messages")
  public Page<HistoryItem> messages(
      @PathParam("id") String id,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
    return history.before(id, caller.name(), before, QueryParams.limit(limit));
  }
}
