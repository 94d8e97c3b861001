package dev.herald.audit.boundary;

import dev.herald.audit.control.AuditFilter;
import dev.herald.audit.control.AuditQueries;
import dev.herald.audit.control.ChainVerifier;
import dev.herald.audit.entity.AuditEntry;
import dev.herald.audit.entity.ChainVerification;
import dev.herald.platform.Caller;
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

/** The audit log and its hash chains, for the auditor role. */
@ApplicationScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  public static final String AUDITOR = "auditor";

  @Inject Caller caller;
  @Inject AuditQueries queries;
  @Inject ChainVerifier verifier;

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
    caller.withRole(AUDITOR);
    AuditFilter filter =
        new AuditFilter(
            QueryParams.uuid("messageId", messageId),
            QueryParams.conversationId("conversationId", conversationId),
            QueryParams.userName("actor", actor),
            QueryParams.instant("after", after),
            QueryParams.instant("before", before));
    return queries.find(filter, cursor, QueryParams.limit(limit));
  }

  @GET
  @Path("verify")
  public ChainVerification verify() throws SQLException {
    caller.withRole(AUDITOR);
    return verifier.verify();
  }
}
