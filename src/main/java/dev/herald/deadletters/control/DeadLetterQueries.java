package dev.herald.deadletters.control;

import dev.herald.deadletters.entity.DeadLetterView;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.deadletters.entity.RejectedRecord;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads dead letters for admins: newest first, by reason and status, keyset-paged. */
@ApplicationScoped
public class DeadLetterQueries {
  static final int PREVIEW_BYTES = 512;
  static final Set<String> STATUSES =
      Set.of(
          RejectedRecord.OPEN,
          RejectedRecord.REDRIVING,
          RejectedRecord.REDRIVEN,
          RejectedRecord.DISCARDED);
  static final Set<String> REASONS =
      Arrays.stream(RejectReason.values()).map(Enum::name).collect(Collectors.toSet());

  @PersistenceContext EntityManager em;

  /** Null filters match everything; unknown reasons or statuses are a 400. */
  public Page<DeadLetterView> page(String reason, String status, int limit, String cursor) {
    checkFilter("reason", reason, REASONS);
    checkFilter("status", status, STATUSES);
    OptionalLong before = Cursors.decode("d", cursor, "cursor");
    List<DeadLetterView> items =
        em
            .createNamedQuery("RejectedRecord.page", RejectedRecord.class)
            .setParameter("reason", reason == null ? null : RejectReason.valueOf(reason))
            .setParameter("status", status)
            .setParameter("before", before.orElse(Long.MAX_VALUE))
            .setMaxResults(limit + 1)
            .getResultList()
            .stream()
            .map(r -> r.view(preview(r.recordValue()), false))
            .toList();
    if (items.size() <= limit) {
      return new Page<>(items, null);
    }
    List<DeadLetterView> shown = items.subList(0, limit);
    return new Page<>(List.copyOf(shown), Cursors.encode("d", shown.get(limit - 1).id()));
  }

  public Optional<DeadLetterView> find(long id) {
    return Optional.ofNullable(em.find(RejectedRecord.class, id))
        .map(r -> r.view(preview(r.recordValue()), true));
  }

  private static void checkFilter(String name, String value, Set<String> known) {
    if (value != null && !known.contains(value)) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Invalid query parameter.",
          List.of(new FieldError(name, "must be one of " + new TreeSet<>(known))));
    }
  }

  /** The value's first bytes as text, undecodable bytes replaced: it may be anything. */
  static String preview(byte[] value) {
    if (value == null) {
      return null;
    }
    // the String constructor replaces what is not UTF-8
    return new String(value, 0, Math.min(value.length, PREVIEW_BYTES), StandardCharsets.UTF_8)
        .replace('\u0000', '\uFFFD');
  }
}
