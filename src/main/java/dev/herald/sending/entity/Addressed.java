package dev.herald.sending.entity;

import dev.herald.messages.control.ConversationIds;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A send names its recipients in {@code to}, unless it goes to a group: then the group's members
 * are the recipients. Reported on {@code to}, like the other field errors.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Addressed.Validator.class)
public @interface Addressed {
  String message() default "must name at least one recipient";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Addressed, SendRequest> {
    @Override
    public boolean isValid(SendRequest request, ConstraintValidatorContext context) {
      if (request == null
          || ConversationIds.isGroup(request.conversationId())
          || (request.to() != null && !request.to().isEmpty())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("to")
          .addConstraintViolation();
      return false;
    }
  }
}
