package dev.herald.messages.control;

import dev.herald.messages.entity.MessageView;
import dev.herald.messages.entity.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds a stored message for a user who sent or received it; nobody else learns it exists. */
@ApplicationScoped
public class MessageLookup {
  @PersistenceContext EntityManager em;

  public Optional<MessageView> find(UUID id, String user) {
    List<StoredMessage> found =
        em.createNamedQuery("StoredMessage.findVisible", StoredMessage.class)
            .setParameter("id", id)
            .setParameter("user", user)
            .getResultList();
    return found.stream().findFirst().map(m -> MessageView.of(m, recipients(id)));
  }

  private List<String> recipients(UUID id) {
    return em.createNamedQuery("Delivery.recipientsOf", String.class)
        .setParameter("id", id)
        .getResultList();
  }
}
