package dev.herald.conversations.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.conversations.entity.Group;
import dev.herald.conversations.entity.GroupConversation;
import dev.herald.conversations.entity.GroupMember;
import dev.herald.conversations.entity.MembersChanged;
import dev.herald.messages.control.ConversationIds;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Adding and removing group members. Only current members may change membership (to anyone else the
 * group does not exist). Each change locks the group's row first, so concurrent changes are applied
 * one after another: none is lost, and each audit row's before/after lists are exact.
 */
@ApplicationScoped
public class Memberships {
  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject Event<MembersChanged> membersChanged;
  @Inject Groups groups;
  @Inject GroupMembers members;
  @Inject MemberAdditions additions;

  /** Adds {@code user}; adding a current member changes nothing. Answers the group as it is now. */
  @Transactional(rollbackOn = Exception.class)
  public Group add(String id, String actor, String user) throws SQLException {
    Group before = lockedFor(id, actor);
    if (before.members().contains(user)) {
      return before;
    }
    if (before.members().size() >= groups.maxMembers()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "The group has the most members allowed (" + groups.maxMembers() + ").");
    }
    additions.charge(actor, 1);
    em.persist(new GroupMember(id, user, actor));
    // in the database before the chat list and audit statements on the same connection
    em.flush();
    List<String> after = new ArrayList<>(before.members());
    after.add(user);
    after.sort(null);
    try (Connection connection = dataSource.getConnection()) {
      ChatEntries.touch(connection, id, List.of(user));
      audited(connection, "conversation.member-added", actor, before, user, after);
    }
    membersChanged.fire(new MembersChanged(id, before.title(), List.of(user), List.of()));
    return new Group(
        id, before.title(), List.copyOf(after), before.createdBy(), before.createdAt());
  }

  /** Removes {@code user}, who may be the actor (leaving); 404 if they are not a member. */
  @Transactional(rollbackOn = Exception.class)
  public void remove(String id, String actor, String user) throws SQLException {
    Group before = lockedFor(id, actor);
    if (!before.members().contains(user)) {
      throw ProblemException.notFound();
    }
    // a bulk delete runs at once, before the audit statement
    em.createNamedQuery("GroupMember.remove")
        .setParameter("conversationId", id)
        .setParameter("userName", user)
        .executeUpdate();
    List<String> after = new ArrayList<>(before.members());
    after.remove(user);
    try (Connection connection = dataSource.getConnection()) {
      audited(connection, "conversation.member-removed", actor, before, user, after);
    }
    membersChanged.fire(new MembersChanged(id, before.title(), List.of(), List.of(user)));
  }

  /**
   * The group, its row locked to the end of the transaction, if the actor is a member; else 404.
   */
  private Group lockedFor(String id, String actor) {
    if (!ConversationIds.isGroup(id)) {
      throw ProblemException.notFound();
    }
    GroupConversation group = em.find(GroupConversation.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (group == null) {
      throw ProblemException.notFound();
    }
    // read after the lock: in read committed this sees the changes the lock waited for
    List<String> current = members.of(id);
    if (!current.contains(actor)) {
      throw ProblemException.notFound();
    }
    return group.with(current);
  }

  private void audited(
      Connection connection,
      String action,
      String actor,
      Group before,
      String member,
      List<String> after)
      throws SQLException {
    audit.append(
        connection,
        action,
        actor,
        null,
        before.id(),
        Map.of("member", member, "before", before.members(), "after", after));
  }
}
