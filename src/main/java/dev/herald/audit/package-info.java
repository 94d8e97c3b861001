/**
 * The append-only, tamper-evident audit trail: one row per change, written in the same transaction
 * as the change ({@code AuditLog}), which links every row into its hash chain, a batch at a time
 * ({@code AuditChains}, {@code ChainHeads}, {@code Chaining}, {@code EventHash}, {@code
 * CanonicalJson}, {@code AuditInsert}). For the {@code auditor} role: {@code GET /api/audit} (the
 * log by message, conversation, actor and time, {@code AuditQueries}) and {@code GET
 * /api/audit/verify} (recomputes every chain, {@code ChainVerifier}, {@code StoredEvents}, {@code
 * ChainWalk}). The database refuses updates and deletes of audit rows and messages. Out of scope:
 * exporting chain heads outside the database.
 */
package dev.herald.audit;
