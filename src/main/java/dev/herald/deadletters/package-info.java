/**
 * Dead letters: Kafka records that can never become messages, kept raw with the reason and their
 * coordinates, once each. The consumer never stops for them.
 */
package dev.herald.deadletters;
