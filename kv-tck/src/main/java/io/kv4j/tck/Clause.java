package io.kv4j.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Marks a kit test and names the SPEC clause it checks. It is itself the test annotation, so a
 * test cannot exist without a clause; the test's name starts with the clause id
 * ({@code kv1_2_...} for {@code KV-1.2}), which the kit's own tests enforce.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("kv-tck")
@interface Clause {

    /**
     * The clause id, such as {@code KV-1.2}.
     *
     * @return the clause id
     */
    String value();
}
