package dev.herald.live.entity;

/**
 * One event as a stream sends it: the user's position ({@code id:}), its name ({@code event:}) and
 * its JSON ({@code data:}).
 */
public record LiveEvent(long id, String name, String data) {
  public static final String COUNTS = "counts";
  public static final String RESET = "reset";
  public static final String EXPIRED = "expired";
}
