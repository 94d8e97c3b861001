package dev.herald.sending.control;

import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The recipients of a group send: the group's members at send time, less the sender, read with one
 * query on the members' primary key. Only a current member may send; to anyone else the group does
 * not exist (404), and nothing is published.
 */
@ApplicationScoped
public class GroupRecipients {
  private static final Logger LOG = Logger.getLogger(GroupRecipients.class.getName());
  private static final String MEMBERS =
      "select user_name from conversation_members where conversation_id = ? order by user_name";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  public List<String> of(String group, String sender, List<String> to) {
    if (to != null) {
      throw new ProblemException(
          ProblemType.CONVERSATION_RULE,
          "A message to a group goes to its members; name no recipients.",
          List.of(new FieldError("to", "must be omitted when conversationId names a group")));
    }
    List<String> members = members(group);
    if (!members.remove(sender)) {
      throw ProblemException.notFound();
    }
    if (members.isEmpty()) {
      throw new ProblemException(
          ProblemType.CONVERSATION_RULE,
          "The group has no member besides the sender.",
          List.of(new FieldError("conversationId", "has no other member to deliver to")));
    }
    return List.copyOf(members);
  }

  private List<String> members(String group) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(MEMBERS)) {
      select.setString(1, group);
      try (ResultSet rows = select.executeQuery()) {
        List<String> members = new ArrayList<>();
        while (rows.next()) {
          members.add(rows.getString(1));
        }
        return members;
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Cannot read the members of " + group, e);
      throw ProblemException.retryLater(
          ProblemType.UNAVAILABLE, "Sends to a group need the database, which is unreachable.", 5);
    }
  }
}
