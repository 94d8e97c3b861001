package dev.herald.deadletters.control;

import dev.herald.deadletters.entity.RejectReason;

/** A record that can never be stored as it is; it goes to rejected_records instead. */
public class RecordRejection extends RuntimeException {
  private final RejectReason reason;

  public RecordRejection(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
