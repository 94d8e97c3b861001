package dev.herald.conversations.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.conversations.entity.Group;
import dev.herald.conversations.entity.MembersChanged;
import dev.herald.messages.control.ConversationIds;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
  private static final String LOCK =
      "select title, created_by, created_at from conversations where id = ? for update";
  // a statement of its own: in read committed it sees what the lock waited for
  private static final String MEMBERS =
      "select user_name from conversation_members where conversation_id = ? order by user_name";
  private static final String ADD =
      "insert into conversation_members (conversation_id, user_name, added_by) values (?, ?, ?)";
  private static final String REMOVE =
      "delete from conversation_members where conversation_id = ? and user_name = ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject Event<MembersChanged> membersChanged;
  @Inject Groups groups;

  /** Adds {@code user}; adding a current member changes nothing. Answers the group as it is now. */
  @Transactional(rollbackOn = Exception.class)
  public Group add(String id, String actor, String user) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Group before = lockedFor(connection, id, actor);
      if (before.members().contains(user)) {
        return before;
      }
      if (before.members().size() >= groups.maxMembers()) {
        throw new ProblemException(
            ProblemType.CONFLICT,
            "The group has the most members allowed (" + groups.maxMembers() + ").");
      }
      execute(connection, ADD, id, user, actor);
      List<String> after = new ArrayList<>(before.members());
      after.add(user);
      after.sort(null);
      ChatEntries.touch(connection, id, List.of(user));
      audit.append(
          connection,
          "conversation.member-added",
          actor,
          null,
          id,
          Map.of("member", user, "before", before.members(), "after", after));
      membersChanged.fire(new MembersChanged(id, before.title(), List.of(user), List.of()));
      return new Group(
          id, before.title(), List.copyOf(after), before.createdBy(), before.createdAt());
    }
  }

  /** Removes {@code user}, who may be the actor (leaving); 404 if they are not a member. */
  @Transactional(rollbackOn = Exception.class)
  public void remove(String id, String actor, String user) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Group before = lockedFor(connection, id, actor);
      if (!before.members().contains(user)) {
        throw ProblemException.notFound();
      }
      execute(connection, REMOVE, id, user);
      List<String> after = new ArrayList<>(before.members());
      after.remove(user);
      audit.append(
          connection,
          "conversation.member-removed",
          actor,
          null,
          id,
          Map.of("member", user, "before", before.members(), "after", after));
      membersChanged.fire(new MembersChanged(id, before.title(), List.of(), List.of(user)));
    }
  }

  /** The group, locked for this transaction, if the actor is a current member; else 404. */
  private static Group lockedFor(Connection connection, String id, String actor)
      throws SQLException {
    if (!ConversationIds.isGroup(id)) {
      throw ProblemException.notFound();
    }
    String title;
    String createdBy;
    Instant createdAt;
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setString(1, id);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw ProblemException.notFound();
        }
        title = row.getString(1);
        createdBy = row.getString(2);
        createdAt = row.getTimestamp(3).toInstant();
      }
    }
    List<String> members = members(connection, id);
    if (!members.contains(actor)) {
      throw ProblemException.notFound();
    }
    return new Group(id, title, members, createdBy, createdAt);
  }

  private static List<String> members(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(MEMBERS)) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        List<String> members = new ArrayList<>();
        while (rows.next()) {
          members.add(rows.getString(1));
        }
        return List.copyOf(members);
      }
    }
  }

  private static void execute(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
