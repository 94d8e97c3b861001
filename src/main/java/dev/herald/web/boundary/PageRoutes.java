package dev.herald.web.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page's own addresses, answered with the page itself, which then shows what the path names:
 * {@code /messages/{id}} (the link in alert emails), {@code /c/{conversationId}}, {@code /inbox},
 * {@code /search}, {@code /settings}. Only GET and HEAD: the page never posts to itself.
 */
@WebServlet(urlPatterns = {"/messages/*", "/c/*", "/inbox", "/search", "/settings"})
public class PageRoutes extends HttpServlet {
  static final String PAGE = "/index.html";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.getRequestDispatcher(PAGE).forward(request, response);
  }
}
