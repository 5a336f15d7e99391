package io.kv4j.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a kit class, one per SPEC chapter: its tests get an {@link Env} and run in clause order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(EnvExtension.class)
@TestMethodOrder(ClauseOrder.class)
@interface Chapter {

    /**
     * The chapter number, 1 for KV-1.
     *
     * @return the chapter
     */
    int value();
}
