package dev.herald.platform;

import dev.herald.live.boundary.StreamServlet;
import dev.herald.platform.ApiContractTest.Operation;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The API operations as the compiled code defines them: JAX-RS resources and servlets. */
final class ApiOperations {
  private static final String ROOT =
      HeraldApplication.class.getAnnotation(ApplicationPath.class).value();
  private static final Pattern ALTERNATIVES = Pattern.compile("\\{(\\w+):\\s*([\\w|-]+)}");
  private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{(\\w+):[^}]*}");

  /** Servlets read their parameters by name; what they read is written down here. */
  private static final Map<Class<?>, Operation> SERVLETS =
      Map.of(
          StreamServlet.class,
          new Operation(Set.of("query:ticket", "header:Last-Event-ID"), false));

  private ApiOperations() {}

  static Map<String, Operation> inCode() {
    Map<String, Operation> operations = new TreeMap<>();
    for (Class<?> type : classes()) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        resource(type, path.value(), operations);
      }
      WebServlet servlet = type.getAnnotation(WebServlet.class);
      if (servlet != null) {
        for (String pattern : servlet.urlPatterns()) {
          // the page's routes (dev.herald.web) are outside the API
          if (pattern.startsWith(ROOT + "/")) {
            operations.put("GET " + pattern, SERVLETS.get(type));
          }
        }
      }
    }
    return operations;
  }

  /** The operations of the resources marked {@link Public}: no token needed. */
  static Set<String> publicOnes() {
    Map<String, Operation> operations = new TreeMap<>();
    for (Class<?> type : classes()) {
      if (type.isAnnotationPresent(Public.class)) {
        resource(type, type.getAnnotation(Path.class).value(), operations);
      }
    }
    return new TreeSet<>(operations.keySet());
  }

  private static void resource(Class<?> type, String base, Map<String, Operation> operations) {
    for (Method method : type.getMethods()) {
      String verb = httpMethod(method);
      if (verb == null) {
        continue;
      }
      Path sub = method.getAnnotation(Path.class);
      String template = join(ROOT, base, sub == null ? "" : sub.value());
      Set<String> parameters = new TreeSet<>();
      boolean body = false;
      for (Parameter parameter : method.getParameters()) {
        if (parameter.isAnnotationPresent(BeanParam.class)) {
          for (var field : parameter.getType().getDeclaredFields()) {
            add(field, parameters);
          }
        } else if (!add(parameter, parameters) && !parameter.isAnnotationPresent(Context.class)) {
          body = true;
        }
      }
      for (String path : expand(template)) {
        Set<String> own = new TreeSet<>(parameters);
        // a template variable spelled out as literal paths is no parameter of those paths
        own.removeIf(p -> p.startsWith("path:") && !path.contains("{" + p.substring(5) + "}"));
        operations.put(verb + " " + path, new Operation(own, body));
      }
    }
  }

  private static boolean add(AnnotatedElement element, Set<String> parameters) {
    PathParam path = element.getAnnotation(PathParam.class);
    QueryParam query = element.getAnnotation(QueryParam.class);
    HeaderParam header = element.getAnnotation(HeaderParam.class);
    if (path != null) {
      return parameters.add("path:" + path.value());
    }
    if (query != null) {
      return parameters.add("query:" + query.value());
    }
    return header != null && parameters.add("header:" + header.value());
  }

  /** {action: read|unread} becomes one path per alternative; other regexes are dropped. */
  static List<String> expand(String template) {
    Matcher alternatives = ALTERNATIVES.matcher(template);
    if (alternatives.find() && alternatives.group(2).contains("|")) {
      return Stream.of(alternatives.group(2).split("\\|"))
          .flatMap(
              literal ->
                  expand(
                      template.substring(0, alternatives.start())
                          + literal
                          + template.substring(alternatives.end()))
                      .stream())
          .toList();
    }
    return List.of(TEMPLATE_REGEX.matcher(template).replaceAll("{$1}"));
  }

  private static String join(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      String trimmed = part.replaceAll("^/+|/+$", "");
      if (!trimmed.isEmpty()) {
        path.append('/').append(trimmed);
      }
    }
    return path.toString();
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static List<Class<?>> classes() {
    try {
      java.nio.file.Path root =
          java.nio.file.Path.of(
              HeraldApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<java.nio.file.Path> files = Files.walk(root)) {
        return files
            .map(f -> root.relativize(f).toString())
            .filter(f -> f.endsWith(".class") && f.startsWith("dev/herald/"))
            .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
            .map(ApiOperations::load)
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiOperations.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
