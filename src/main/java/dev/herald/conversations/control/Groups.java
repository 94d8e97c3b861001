package dev.herald.conversations.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.conversations.entity.Group;
import dev.herald.conversations.entity.MembersChanged;
import dev.herald.conversations.entity.NewGroup;
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
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creating group conversations and reading one, for its members only. */
@ApplicationScoped
public class Groups {
  private static final String CREATE =
      "insert into conversations (id, title, created_by) values (?, ?, ?) returning created_at";
  private static final String ADD_ALL =
      "insert into conversation_members (conversation_id, user_name, added_by)"
          + " select ?, u, ? from unnest(?::varchar[]) as u";
  // one read: the group with all its members, if the user is one of them
  private static final String FIND =
      "select c.title, c.created_by, c.created_at,"
          + " array_agg(m.user_name::text order by m.user_name) from conversations c"
          + " join conversation_members m on m.conversation_id = c.id where c.id = ?"
          + " and exists (select 1 from conversation_members me"
          + " where me.conversation_id = c.id and me.user_name = ?)"
          + " group by c.id";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject Event<MembersChanged> membersChanged;

  @Inject
  @ConfigProperty(name = "herald.conversations.max-members", defaultValue = "256")
  int maxMembers;

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
    String id = ConversationIds.newGroup();
    try (Connection connection = dataSource.getConnection()) {
      Timestamp createdAt;
      try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
        insert.setString(1, id);
        insert.setString(2, request.title());
        insert.setString(3, creator);
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          createdAt = row.getTimestamp(1);
        }
      }
      try (PreparedStatement add = connection.prepareStatement(ADD_ALL)) {
        add.setString(1, id);
        add.setString(2, creator);
        add.setArray(3, connection.createArrayOf("varchar", members.toArray()));
        add.executeUpdate();
      }
      ChatEntries.touch(connection, id, members);
      List<String> memberList = List.copyOf(members);
      audit.append(
          connection,
          "conversation.created",
          creator,
          null,
          id,
          Map.of("title", request.title(), "members", memberList));
      membersChanged.fire(new MembersChanged(id, request.title(), memberList, List.of()));
      return new Group(id, request.title(), memberList, creator, createdAt.toInstant());
    }
  }

  /** The group, if {@code user} is a current member; strangers learn nothing. */
  public Optional<Group> find(String id, String user) throws SQLException {
    if (!ConversationIds.isGroup(id)) {
      return Optional.empty();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement find = connection.prepareStatement(FIND)) {
      find.setString(1, id);
      find.setString(2, user);
      try (ResultSet row = find.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Group(
                id,
                row.getString(1),
                names(row.getArray(4)),
                row.getString(2),
                row.getTimestamp(3).toInstant()));
      }
    }
  }

  static List<String> names(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
  }
}
