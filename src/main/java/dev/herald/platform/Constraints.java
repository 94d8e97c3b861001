package dev.herald.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Set;

/**
 * Bean Validation of plain objects (request bodies, Kafka envelopes), never JPA entities: with JPA
 * on the classpath the default resolver asks every persistence provider whether each property is
 * loaded, 3 % of Liberty's samples in a benchmark profile. The container's factory is kept (its
 * message interpolation and constraint validators); only that resolver is replaced.
 */
@ApplicationScoped
public class Constraints {
  @Inject ValidatorFactory validators;
  private Validator validator;

  /** The same outside a container (unit tests), from the given factory. */
  public static Constraints from(ValidatorFactory factory) {
    Constraints constraints = new Constraints();
    constraints.validators = factory;
    constraints.plainObjects();
    return constraints;
  }

  @PostConstruct
  void plainObjects() {
    validator =
        validators.usingContext().traversableResolver(new EverythingReachable()).getValidator();
  }

  public <T> Set<ConstraintViolation<T>> violations(T object) {
    return validator.validate(object);
  }

  private static final class EverythingReachable implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
      return true;
    }
  }
}
