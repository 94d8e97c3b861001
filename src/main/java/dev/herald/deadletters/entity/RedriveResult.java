package dev.herald.deadletters.entity;

/** What re-driving one dead letter did: redriven, not-found, not-open or failed. */
public record RedriveResult(long id, String outcome) {
  public static final String REDRIVEN = "redriven";
  public static final String NOT_FOUND = "not-found";
  public static final String NOT_OPEN = "not-open";
  public static final String FAILED = "failed";
}
