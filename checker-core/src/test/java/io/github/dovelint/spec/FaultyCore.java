package io.github.dovelint.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The faulty core (by {@link FaultyCores#byName} name) a property runs against. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface FaultyCore {
    String value();
}
