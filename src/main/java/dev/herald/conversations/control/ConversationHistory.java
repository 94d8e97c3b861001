package dev.herald.conversations.control;

import dev.herald.conversations.entity.HistoryItem;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A conversation's messages in log order, as far as the caller took part in them (sent or
 * received). Pages go backwards in time; each page reads oldest to newest.
 */
@ApplicationScoped
public class ConversationHistory {
  static final String CURSOR_KIND = "history";

  @PersistenceContext EntityManager em;

  public Page<HistoryItem> before(String conversationId, String user, String cursor, int limit) {
    long before = Cursors.decode(CURSOR_KIND, cursor, "before").orElse(Long.MAX_VALUE);
    List<HistoryItem> newestFirst =
        em.createNamedQuery("StoredMessage.history", HistoryItem.class)
            .setParameter("conversationId", conversationId)
            .setParameter("user", user)
            .setParameter("before", before)
            .setMaxResults(limit + 1)
            .getResultList();
    // only an empty page needs the second query: is the caller a stranger here?
    if (newestFirst.isEmpty() && !participates(conversationId, user)) {
      throw ProblemException.notFound();
    }
    String next = null;
    List<HistoryItem> page = new ArrayList<>(newestFirst);
    if (page.size() > limit) {
      page = new ArrayList<>(page.subList(0, limit));
      next = Cursors.encode(CURSOR_KIND, page.get(limit - 1).seq());
    }
    Collections.reverse(page);
    return new Page<>(page, next);
  }

  private boolean participates(String conversationId, String user) {
    return !em.createNamedQuery("StoredMessage.participation", Integer.class)
        .setParameter("conversationId", conversationId)
        .setParameter("user", user)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
