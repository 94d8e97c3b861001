package dev.herald.conversations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** A group's current members, sorted by name: for the group's own checks and for group sends. */
@ApplicationScoped
public class GroupMembers {
  @PersistenceContext EntityManager em;

  /** Empty for an id that is not a group; a statement of its own, so it sees committed changes. */
  public List<String> of(String conversationId) {
    return em.createNamedQuery("GroupMember.namesIn", String.class)
        .setParameter("conversationId", conversationId)
        .getResultList();
  }
}
