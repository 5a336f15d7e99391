package io.kv4j.spi;

import java.util.Map;

/**
 * Entry point of a backend, found through {@link java.util.ServiceLoader}.
 *
 * <p>Implementations must have a public no-argument constructor, be cheap to construct and do no
 * I/O until {@link #open} is called.
 */
public interface KvProvider {

    /** The version of this SPI. A provider whose {@link #apiVersion()} differs is not used. */
    int API_VERSION = 1;

    /**
     * The URL scheme this provider serves, the part after {@code kv:}: {@code memory} serves
     * {@code kv:memory:...}.
     *
     * @return the scheme, lower case, never empty
     */
    String scheme();

    /**
     * Whether this provider can open the URL. Must not do I/O and must not throw.
     *
     * @param url a store URL without its query string, for example {@code kv:memory:orders}
     * @return {@code true} when {@link #open} should be tried with this URL
     */
    boolean accepts(String url);

    /**
     * Opens storage for the URL.
     *
     * @param url a URL this provider {@linkplain #accepts accepts}, without its query string
     * @param options the backend options: the URL's query parameters and the caller's options,
     *     with the request-engine options already removed. The backend must reject an option it
     *     does not know, and a value it cannot use, with an {@link IllegalArgumentException} that
     *     names the option; secrets must never appear in messages (see {@link KvUrls#redact}).
     * @return open storage, owned by the caller, who closes it
     * @throws IllegalArgumentException for a malformed URL or a bad option
     * @throws BackendUnavailableException when the storage cannot be reached
     */
    KvBackend open(String url, Map<String, String> options);

    /**
     * The SPI version this provider was built against; normally {@link #API_VERSION}.
     *
     * @return the SPI version
     */
    default int apiVersion() {
        return API_VERSION;
    }
}
