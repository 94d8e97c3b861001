package dev.herald.deadletters.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;

/**
 * A dead letter: the raw record as Kafka delivered it, why it was refused, where it was, and its
 * resolution by admins. Rows are inserted by the consumer (insert if absent, in SQL); JPA reads
 * them and changes only the status, always by a named update that says which status it leaves, at
 * the database's time ({@code instant} is {@code current_timestamp}).
 */
@Entity
@Table(name = "rejected_records")
// locks the records that may be claimed (open, or claimed by a re-drive that died over a minute
// ago), in id order so that two claims over the same records cannot deadlock
@NamedQuery(
    name = "RejectedRecord.claimable",
    lockMode = LockModeType.PESSIMISTIC_WRITE,
    query =
        "select r from RejectedRecord r where r.id in :ids and (r.status = 'open'"
            + " or (r.status = 'redriving' and r.resolvedAt < instant - 1 minute)) order by r.id")
@NamedQuery(
    name = "RejectedRecord.claim",
    query =
        "update RejectedRecord r set r.status = 'redriving', r.resolvedAt = instant,"
            + " r.resolvedBy = :admin where r.id in :ids")
@NamedQuery(
    name = "RejectedRecord.resolve",
    query =
        "update RejectedRecord r set r.status = :to, r.resolvedAt = instant,"
            + " r.resolvedBy = :admin, r.resolution = :resolution"
            + " where r.id = :id and r.status = :from")
// null filters match everything; newest first, keyset-paged on the id
@NamedQuery(
    name = "RejectedRecord.page",
    query =
        "select r from RejectedRecord r where (:reason is null or r.reason = :reason)"
            + " and (:status is null or r.status = :status) and r.id < :before order by r.id desc")
@NamedQuery(
    name = "RejectedRecord.statusOf",
    query = "select r.status from RejectedRecord r where r.id = :id")
public class RejectedRecord {
  public static final String OPEN = "open";
  public static final String REDRIVING = "redriving";
  public static final String REDRIVEN = "redriven";
  public static final String DISCARDED = "discarded";

  @Id Long id;
  String kafkaTopic;
  int kafkaPartition;
  long kafkaOffset;
  byte[] recordKey;
  byte[] recordValue;

  @Enumerated(EnumType.STRING)
  RejectReason reason;

  String error;
  Instant rejectedAt;
  String status;
  Instant resolvedAt;
  String resolvedBy;
  String resolution;

  public long id() {
    return id;
  }

  public String kafkaTopic() {
    return kafkaTopic;
  }

  public byte[] recordKey() {
    return recordKey;
  }

  public byte[] recordValue() {
    return recordValue;
  }

  /** As admins see it: the value whole only with {@code withValue}, else its size and preview. */
  public DeadLetterView view(String valuePreview, boolean withValue) {
    Base64.Encoder base64 = Base64.getEncoder();
    return new DeadLetterView(
        id,
        kafkaTopic,
        kafkaPartition,
        kafkaOffset,
        reason.name(),
        error,
        rejectedAt,
        status,
        resolvedAt,
        resolvedBy,
        resolution,
        recordKey == null ? null : base64.encodeToString(recordKey),
        recordValue == null ? 0 : recordValue.length,
        valuePreview,
        withValue && recordValue != null ? base64.encodeToString(recordValue) : null);
  }
}
