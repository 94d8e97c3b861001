/**
 * Development-only token minting ({@code POST /api/dev/tokens}); enabled only where
 * herald.dev.token-key is configured. Verification of every request's token is the server's mpJwt
 * feature plus {@link dev.herald.platform.Authentication}.
 */
package dev.herald.auth;
