package dev.herald.sending.control;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A record value on its way to the producer, which can be withdrawn until the producer takes it.
 * The API answers 503 only for a withdrawn send: the producer then refuses it (see {@link
 * PendingSendSerializer}), so a 503 never becomes a stored message, however late the broker comes
 * back.
 */
public final class PendingSend {
  private static final int WAITING = 0;
  private static final int HANDED_OVER = 1;
  private static final int WITHDRAWN = 2;

  private final byte[] value;
  private final AtomicInteger state = new AtomicInteger(WAITING);

  public PendingSend(String json) {
    this.value = json.getBytes(StandardCharsets.UTF_8);
  }

  /** Called by the producer as it serialises the record; false if the API withdrew it first. */
  boolean handOver() {
    return state.compareAndSet(WAITING, HANDED_OVER);
  }

  /** True if the producer never got the record and now never will. */
  public boolean withdraw() {
    return state.compareAndSet(WAITING, WITHDRAWN) || state.get() == WITHDRAWN;
  }

  /** Whether the producer has taken the record: after that, only the broker knows its fate. */
  public boolean handedOver() {
    return state.get() == HANDED_OVER;
  }

  byte[] value() {
    return value;
  }
}
