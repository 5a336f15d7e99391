/**
 * What applications, tools and backends deliberately share: the capabilities a backend declares,
 * the facts a conflict carries from the backend to the application, and (as the SPI grows) the
 * store URL grammar and the typed option descriptors. Everything here is small and immutable,
 * documented for both audiences; the SPI proper ({@code io.kv4j.spi}) is for backend vendors only.
 */
package io.kv4j.common;
