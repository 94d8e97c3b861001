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
 * Security headers on every response of the application: the Content-Security-Policy, no MIME
 * sniffing, no referrer (page URLs carry message and conversation ids), no framing. API answers
 * (the live stream included) are never stored by a browser or proxy (they carry users' messages);
 * page files are revalidated on every load, so a new release is picked up without a stale module
 * mix.
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
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    response.setHeader("Cache-Control", api ? "no-store" : "no-cache");
    chain.doFilter(request, response);
  }
}
