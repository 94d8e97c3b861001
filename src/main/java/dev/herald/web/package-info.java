/**
 * The web inbox: the page served at {@code /} (static files in src/main/webapp), what the page
 * needs from the server to start (how users sign in, {@code GET /api/web/config}), the security
 * headers on every response (a Content-Security-Policy without inline code), and the page's own
 * routes ({@code /messages/{id}}, {@code /c/{id}}, …) answered with the page. The page talks to the
 * same REST API and live stream as any client; nothing here reads or writes messages.
 */
package dev.herald.web;
