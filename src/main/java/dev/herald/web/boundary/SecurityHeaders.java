package dev.herald.web.boundary;

import dev.herald.web.control.ContentSecurityPolicy;
import dev.herald.web.control.SignInMode;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on the page's responses (everything outside /api): the Content-Security-Policy,
 * no MIME sniffing, no referrer (page URLs carry message and conversation ids), no framing. Page
 * files are revalidated on every load, so a new release is picked up without a stale module mix.
 * API responses are left exactly as the API makes them.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {
  @Inject SignInMode signIn;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", ContentSecurityPolicy.of(signIn.issuerOrigin()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setHeader("Cache-Control", "no-cache");
    }
    chain.doFilter(request, response);
  }
}
