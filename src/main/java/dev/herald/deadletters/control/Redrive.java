package dev.herald.deadletters.control;

import dev.herald.deadletters.entity.RedriveResult;
import dev.herald.deadletters.entity.RejectedRecord;
import dev.herald.signing.control.RecordSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Republishes dead letters exactly as they arrived (key and value bytes) to their topic, after the
 * cause was fixed, signed with the current key: the admin who re-drives vouches for the record,
 * which is why each re-sign is audited (a dead letter keeps no headers, and one refused as UNSIGNED
 * or BAD_SIGNATURE, e.g. signed with a key since retired, is stored only after this). The consumer
 * then treats them like any record: stored once by message id, or dead-lettered again at their new
 * offset.
 */
@ApplicationScoped
public class Redrive {
  private static final Logger LOG = Logger.getLogger(Redrive.class.getName());
  static final long TIMEOUT_SECONDS = 10;

  @Inject
  @Channel("redrive-out")
  Emitter<ProducerRecord<byte[], byte[]>> emitter;

  @Inject DeadLetterResolutions resolutions;
  @Inject RecordSigner signer;

  public List<RedriveResult> redrive(List<Long> ids, String admin) throws SQLException {
    Map<Long, CompletableFuture<Void>> sends = new LinkedHashMap<>();
    String keyId = signer.keyId();
    for (RejectedRecord record : resolutions.claim(ids, admin)) {
      sends.put(record.id(), publish(record));
    }
    List<RedriveResult> results = new ArrayList<>();
    for (Long id : ids) {
      CompletableFuture<Void> send = sends.get(id);
      results.add(send == null ? unclaimed(id) : settle(id, send, admin, keyId));
    }
    return results;
  }

  private CompletableFuture<Void> publish(RejectedRecord record) {
    try {
      return emitter
          .send(
              new ProducerRecord<>(
                  record.kafkaTopic(),
                  null,
                  record.recordKey(),
                  record.recordValue(),
                  signer.headers(record.recordKey(), record.recordValue())))
          .toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private RedriveResult settle(long id, CompletableFuture<Void> send, String admin, String keyId)
      throws SQLException {
    try {
      send.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      resolutions.redriven(id, admin, keyId);
      return new RedriveResult(id, RedriveResult.REDRIVEN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      // a timed-out send may still arrive: harmless, the consumer stores a message id once
      LOG.log(Level.WARNING, "Re-driving dead letter " + id + " failed", e);
      resolutions.failed(id, admin, "republishing failed: " + e);
      return new RedriveResult(id, RedriveResult.FAILED);
    }
  }

  private RedriveResult unclaimed(long id) {
    return new RedriveResult(
        id, resolutions.status(id).isPresent() ? RedriveResult.NOT_OPEN : RedriveResult.NOT_FOUND);
  }
}
