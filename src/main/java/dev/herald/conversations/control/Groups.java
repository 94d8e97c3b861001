package dev.herald.conversations.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.conversations.entity.Group;
import dev.herald.conversations.entity.GroupConversation;
import dev.herald.conversations.entity.GroupMember;
import dev.herald.conversations.entity.MembersChanged;
import dev.herald.conversations.entity.NewGroup;
import dev.herald.limits.control.SharedRateLimit;
import dev.herald.messages.control.ConversationIds;
import dev.herald.messages.entity.MessageLimits;
import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creating group conversations and reading one, for its members only. The rows are entities; the
 * chat list and the audit row are written through JDBC on the same transaction's connection, after
 * the entities are flushed.
 */
@ApplicationScoped
public class Groups {
  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject GroupMembers members;
  @Inject AuditLog audit;
  @Inject Event<MembersChanged> membersChanged;

  @Inject
  @ConfigProperty(name = "herald.conversations.max-members", defaultValue = "256")
  int maxMembers;

  @Inject SharedRateLimit rateLimit;
  @Inject MemberAdditions additions;

  /** Per user and hour, across instances; 0 = no limit. */
  @Inject
  @ConfigProperty(name = "herald.conversations.rate-limit.groups-per-hour", defaultValue = "20")
  int groupsPerHour;

  @PostConstruct
  void checkLimits() {
    // every member but the sender is a recipient, and envelopes carry at most this many
    if (maxMembers < 2 || maxMembers > MessageLimits.RECIPIENTS_HARD_MAX) {
      throw new IllegalStateException(
          "herald.conversations.max-members must be 2.." + MessageLimits.RECIPIENTS_HARD_MAX);
    }
  }

  int maxMembers() {
    return maxMembers;
  }

  @Transactional(rollbackOn = Exception.class)
  public Group create(String creator, NewGroup request) throws SQLException {
    List<String> memberList = membersOf(creator, request);
    rateLimit.acquire(
        "group.create",
        creator,
        groupsPerHour,
        3600,
        "At most " + groupsPerHour + " new groups per hour per user.");
    // the members named now are additions too, or a new group would bring in unlimited strangers
    additions.charge(creator, memberList.size() - 1);
    GroupConversation group =
        new GroupConversation(ConversationIds.newGroup(), request.title(), creator);
    em.persist(group);
    memberList.forEach(user -> em.persist(new GroupMember(group.id(), user, creator)));
    // the rows must be in the database before the JDBC statements below (same connection)
    em.flush();
    try (Connection connection = dataSource.getConnection()) {
      ChatEntries.touch(connection, group.id(), memberList);
      audit.append(
          connection,
          "conversation.created",
          creator,
          null,
          group.id(),
          Map.of("title", request.title(), "members", memberList));
    }
    membersChanged.fire(new MembersChanged(group.id(), request.title(), memberList, List.of()));
    return group.with(memberList);
  }

  /** The group, if {@code user} is a current member; strangers learn nothing. */
  public Optional<Group> find(String id, String user) {
    if (!ConversationIds.isGroup(id)) {
      return Optional.empty();
    }
    List<String> current = members.of(id);
    if (!current.contains(user)) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(GroupConversation.class, id)).map(g -> g.with(current));
  }

  /** The creator and the requested members, without duplicates, sorted; 400 if too many. */
  private List<String> membersOf(String creator, NewGroup request) {
    TreeSet<String> members =
        new TreeSet<>(request.members() == null ? List.of() : request.members());
    members.add(creator);
    if (members.size() > maxMembers) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Too many members.",
          List.of(
              new FieldError(
                  "members",
                  "must name at most " + maxMembers + " members, the creator included")));
    }
    return List.copyOf(members);
  }
}
