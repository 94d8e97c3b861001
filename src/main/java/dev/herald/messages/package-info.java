/**
 * Messages: reading the message log. {@code GET /api/messages/{id}}, a user's history {@code GET
 * /api/messages} ({@code MessageHistory}) and full-text search {@code GET /api/messages/search}
 * ({@code MessageSearch}, {@code SearchText}); also the rules every layer agrees on about a message
 * ({@code MessageLimits}, {@code ConversationIds}). Out of scope: sending (sending), storing
 * (storing), delivery state (inbox), alerts (notifications).
 */
package dev.herald.messages;
