/**
 * What kv4j shows through Spring Boot Actuator: a health indicator named {@code kv}, an info
 * contributor named {@code kv}, and the store's Micrometer meters (names starting with
 * {@code kv4j.}) on the application's meter registry.
 */
package io.kv4j.spring.boot.autoconfigure.actuate;
