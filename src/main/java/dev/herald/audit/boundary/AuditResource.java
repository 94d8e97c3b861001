package dev.herald.audit.boundary;

import dev.herald.audit.control.AuditFilter;
import dev.herald.audit.control.AuditQueries;
import dev.herald.audit.control.ChainVerifier;
import dev.herald.audit.control.VerificationSlots;
import dev.herald.audit.entity.AuditEntry;
import dev.herald.audit.entity.ChainVerification;
import dev.herald.platform.Caller;
import dev.herald.platform.Page;
import dev.herald.platform.QueryParams;
import dev.herald.platform.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** The audit log and its hash chains, for the auditor role. */
@ApplicationScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  // events per verification call: a few seconds of work at the default
  static final int VERIFY_LIMIT = 200_000;
  static final int VERIFY_MAX_LIMIT = 2_000_000;

  @Inject Caller caller;
  @Inject AuditQueries queries;
  @Inject ChainVerifier verifier;
  @Inject VerificationSlots slots;

  @GET
  public Page<AuditEntry> events(
      @QueryParam("messageId") String messageId,
      @QueryParam("conversationId") String conversationId,
      @QueryParam("actor") String actor,
      @QueryParam("after") String after,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    caller.withRole(Roles.AUDITOR);
    AuditFilter filter =
        new AuditFilter(
            QueryParams.uuid("messageId", messageId),
            QueryParams.conversationId("conversationId", conversationId),
            QueryParams.userName("actor", actor),
            QueryParams.instant("after", after),
            QueryParams.instant("before", before));
    return queries.find(filter, cursor, QueryParams.limit(limit));
  }

  /** Verifies up to {@code limit} events; {@code next} in the answer continues from there. */
  @GET
  @Path("verify")
  public ChainVerification verify(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) throws SQLException {
    caller.withRole(Roles.AUDITOR);
    int most = QueryParams.limit(limit, VERIFY_LIMIT, VERIFY_MAX_LIMIT);
    return slots.run(() -> verifier.verify(cursor, most));
  }
}
