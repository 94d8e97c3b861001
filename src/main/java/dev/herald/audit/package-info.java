/**
 * The append-only, tamper-evident audit trail: one row per change, written in the same transaction
 * as the change ({@code AuditLog}); a database trigger links every row into a hash chain. For the
 * {@code auditor} role: {@code GET /api/audit} (the log by message, conversation, actor and time,
 * {@code AuditQueries}) and {@code GET /api/audit/verify} (recomputes every chain, {@code
 * ChainVerifier}, {@code ChainWalk}). The database refuses updates and deletes of audit rows and
 * messages. Out of scope: exporting chain heads outside the database.
 */
package dev.herald.audit;
