package dev.herald.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that PostgreSQL can store and people can read: no NUL or other control characters (line
 * breaks and tabs only where {@link #multiline()}), no unpaired UTF-16 surrogates, not blank.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Text.Validator.class)
public @interface Text {
  String message() default "must be non-blank printable text";

  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Text, String> {
    private boolean multiline;

    @Override
    public void initialize(Text annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isValid(value, multiline);
    }

    public static boolean isValid(String value, boolean multiline) {
      if (value.isBlank()) {
        return false;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
          if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
            return false;
          }
          i++;
        } else if (Character.isLowSurrogate(c) || !allowed(c, multiline)) {
          return false;
        }
      }
      return true;
    }

    private static boolean allowed(char c, boolean multiline) {
      if (c == '\n' || c == '\r' || c == '\t') {
        return multiline;
      }
      return !Character.isISOControl(c);
    }
  }
}
