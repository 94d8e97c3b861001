/**
 * Limits: rate limits that hold across every instance, counted in PostgreSQL (the {@code
 * rate_counters} table, this feature's only one) for actions that are rare and already write to the
 * database, so one more statement in their transaction costs little: group creation and member
 * additions.
 *
 * <p>Operations: {@code SharedRateLimit.acquire}, called by the features whose actions it limits.
 *
 * <p>Out of scope: the send rate limit, which stays in each instance's memory (sending's {@code
 * SendRateLimit}; decision 0019 says why and what factor that allows).
 */
package dev.herald.limits;
