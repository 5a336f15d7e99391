/**
 * What kv4j adds to a web application: answers of 503 Service Unavailable with
 * {@code Retry-After} and an RFC 9457 problem detail for requests whose store failed for now.
 */
package io.kv4j.spring.boot.autoconfigure.web;
