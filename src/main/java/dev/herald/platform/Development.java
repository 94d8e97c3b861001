package dev.herald.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a development-only resource: it exists only while {@link DevelopmentMode} is on, and is
 * otherwise answered 404 by {@link DevelopmentGate} before authentication or the resource runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Development {}
