package io.streamgate.app.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a key whose default depends on other keys, so it has no entry in {@link ConfigDefaults}; the value
 * describes the rule for the help text. {@link ListenerDefaults} computes it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DerivedDefault {

    String value();
}
