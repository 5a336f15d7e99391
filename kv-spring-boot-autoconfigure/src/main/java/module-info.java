/**
 * Spring Boot auto-configuration for kv4j. Open, because Spring reads and binds the
 * configuration classes and properties reflectively; Actuator, Micrometer and Spring Web are
 * optional. Spring Boot's jars are automatic modules.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
open module io.kv4j.spring.boot.autoconfigure {
    requires transitive io.kv4j;
    requires transitive java.sql;
    requires transitive spring.beans;
    requires transitive spring.context;
    requires transitive spring.core;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires static transitive spring.boot.health;
    requires static transitive spring.boot.actuator;
    requires static transitive spring.boot.actuator.autoconfigure;
    requires static transitive micrometer.core;
    requires static transitive spring.web;

    exports io.kv4j.spring.boot.autoconfigure;
    exports io.kv4j.spring.boot.autoconfigure.actuate;
    exports io.kv4j.spring.boot.autoconfigure.web;
}
