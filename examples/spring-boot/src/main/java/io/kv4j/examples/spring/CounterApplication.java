package io.kv4j.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The seed's counter as a smart function behind HTTP. The {@code KvStore} comes from the kv4j
 * starter, configured in application.properties.
 */
@SpringBootApplication
public class CounterApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, such as {@code --kv.url=kv:memory:}
     */
    public static void main(String[] args) {
        SpringApplication.run(CounterApplication.class, args);
    }
}
