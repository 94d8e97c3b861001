/**
 * Development-only token minting ({@code POST /api/dev/tokens}); it exists only in development mode
 * ({@link dev.herald.platform.DevelopmentMode}: the switch and the key together). Verification of
 * every request's token is the server's mpJwt feature (issuer, audience, signature) plus {@link
 * dev.herald.platform.Authentication}; roles come from {@link dev.herald.platform.Roles}.
 */
package dev.herald.auth;
