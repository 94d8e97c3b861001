package dev.herald.deadletters.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dead letter: the raw record as Kafka delivered it, why it was refused, and where it was. */
@Entity
@Table(name = "rejected_records")
public class RejectedRecord {
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

  public Long id() {
    return id;
  }

  public RejectReason reason() {
    return reason;
  }

  public String error() {
    return error;
  }

  public long kafkaOffset() {
    return kafkaOffset;
  }
}
