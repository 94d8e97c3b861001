/**
 * The append-only audit trail: one row per change, written in the same transaction as the change.
 * The database refuses updates and deletes of audit rows and messages.
 */
package dev.herald.audit;
