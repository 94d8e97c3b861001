package dev.herald.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Generated;

/**
 * A group conversation's row: id, title and creator. Its creation time is the database's ({@code
 * default now()}), read back by the insert itself ({@code returning}). Members are {@link
 * GroupMember} rows; membership changes lock this row first.
 */
@Entity
@Table(name = "conversations")
public class GroupConversation {
  @Id String id;
  String title;
  String createdBy;

  @Generated
  @Column(updatable = false)
  Instant createdAt;

  protected GroupConversation() {}

  public GroupConversation(String id, String title, String createdBy) {
    this.id = id;
    this.title = title;
    this.createdBy = createdBy;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The group as the API shows it, with these members. */
  public Group with(List<String> members) {
    return new Group(id, title, List.copyOf(members), createdBy, createdAt);
  }
}
