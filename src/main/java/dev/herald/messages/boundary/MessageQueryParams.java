package dev.herald.messages.boundary;

import dev.herald.messages.control.MessageFilter;
import dev.herald.platform.Caller;
import dev.herald.platform.QueryParams;
import dev.herald.platform.Roles;
import jakarta.ws.rs.QueryParam;

/** The query parameters history and search share; {@code user} only for auditors. */
public class MessageQueryParams {

  @QueryParam("user")
  String user;

  @QueryParam("with")
  String with;

  @QueryParam("conversationId")
  String conversationId;

  @QueryParam("after")
  String after;

  @QueryParam("before")
  String before;

  @QueryParam("limit")
  String limit;

  @QueryParam("cursor")
  String cursor;

  /** Whose messages: the caller's own, or with the auditor role anyone's (403 otherwise). */
  MessageFilter filter(Caller caller) {
    String owner = caller.name();
    if (user != null && !user.isEmpty()) {
      caller.withRole(Roles.AUDITOR);
      owner = QueryParams.userName("user", user);
    }
    return new MessageFilter(
        owner,
        QueryParams.userName("with", with),
        QueryParams.conversationId("conversationId", conversationId),
        QueryParams.instant("after", after),
        QueryParams.instant("before", before));
  }

  int limit() {
    return QueryParams.limit(limit);
  }

  String cursor() {
    return cursor;
  }
}
