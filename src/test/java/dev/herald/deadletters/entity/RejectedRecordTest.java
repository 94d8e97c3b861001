package dev.herald.deadletters.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RejectedRecordTest {
  static RejectedRecord record() {
    RejectedRecord record = new RejectedRecord();
    record.id = 7L;
    record.kafkaTopic = "herald.messages";
    record.kafkaPartition = 2;
    record.kafkaOffset = 41;
    record.recordKey = "k".getBytes(StandardCharsets.UTF_8);
    record.recordValue = "not json".getBytes(StandardCharsets.UTF_8);
    record.reason = RejectReason.NOT_JSON;
    record.error = "The record value is not JSON";
    record.rejectedAt = Instant.parse("2026-03-10T09:00:00Z");
    record.status = RejectedRecord.OPEN;
    return record;
  }

  @Test
  void showsTheValueOnlyWhenAskedFor() {
    assertThat(record().view("not json", false).valueBase64()).isNull();
    assertThat(record().view("not json", true).valueBase64()).isEqualTo("bm90IGpzb24=");
  }

  @Test
  void showsTheKeyAsBase64AndTheValueBySize() {
    DeadLetterView view = record().view("not json", false);

    assertThat(view.keyBase64()).isEqualTo("aw==");
    assertThat(view.valueBytes()).isEqualTo(8);
    assertThat(view.reason()).isEqualTo("NOT_JSON");
    assertThat(view.status()).isEqualTo("open");
  }

  @Test
  void showsARecordWithoutKeyOrValue() {
    RejectedRecord empty = record();
    empty.recordKey = null;
    empty.recordValue = null;

    DeadLetterView view = empty.view(null, true);

    assertThat(view.keyBase64()).isNull();
    assertThat(view.valueBytes()).isZero();
    assertThat(view.valueBase64()).isNull();
  }
}
