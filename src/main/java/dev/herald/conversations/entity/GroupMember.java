package dev.herald.conversations.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One member of a group conversation, and who added them. The time they were added is left to the
 * database's default: nothing reads it, and a generated value would stop Hibernate from batching a
 * new group's member inserts.
 */
@Entity
@Table(name = "conversation_members")
@IdClass(GroupMember.Key.class)
@NamedQuery(
    name = "GroupMember.namesIn",
    query =
        "select m.userName from GroupMember m where m.conversationId = :conversationId"
            + " order by m.userName")
@NamedQuery(
    name = "GroupMember.remove",
    query =
        "delete from GroupMember m where m.conversationId = :conversationId"
            + " and m.userName = :userName")
public class GroupMember {
  @Id String conversationId;
  @Id String userName;
  String addedBy;

  /** The primary key: conversation and user. */
  public record Key(String conversationId, String userName) implements Serializable {}

  protected GroupMember() {}

  public GroupMember(String conversationId, String userName, String addedBy) {
    this.conversationId = conversationId;
    this.userName = userName;
    this.addedBy = addedBy;
  }
}
