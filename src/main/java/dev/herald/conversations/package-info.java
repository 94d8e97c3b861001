/**
 * Conversation history: the messages of one conversation in log order, as far as the caller sent or
 * received them, paged backwards in time.
 */
package dev.herald.conversations;
