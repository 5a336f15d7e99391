package io.kv4j;

import io.kv4j.common.Capability;
import java.util.Set;

/**
 * What a store runs on: its URL, the backend that serves it and what that backend offers.
 */
public final class KvStoreInfo {

    private final String url;
    private final String scheme;
    private final String provider;
    private final int spiVersion;
    private final Set<Capability> capabilities;
    private final int backendMaxValueBytes;

    KvStoreInfo(String url, String scheme, String provider, int spiVersion,
            Set<Capability> capabilities, int backendMaxValueBytes) {
        this.url = url;
        this.scheme = scheme;
        this.provider = provider;
        this.spiVersion = spiVersion;
        this.capabilities = Set.copyOf(capabilities);
        this.backendMaxValueBytes = backendMaxValueBytes;
    }

    /**
     * The store's URL with secrets masked.
     *
     * @return the URL, safe to show
     */
    public String url() {
        return url;
    }

    /**
     * The URL scheme, which names the backend: {@code memory}, {@code postgresql}.
     *
     * @return the scheme
     */
    public String scheme() {
        return scheme;
    }

    /**
     * The provider that opened the store.
     *
     * @return its class name
     */
    public String provider() {
        return provider;
    }

    /**
     * The SPI version the provider was built for: one of those the running SPI drives, from
     * {@code KvProvider.MIN_SUPPORTED_API_VERSION} to {@code KvProvider.API_VERSION}.
     *
     * @return the SPI version
     */
    public int spiVersion() {
        return spiVersion;
    }

    /**
     * What the backend declares it offers: {@link Capability#DURABLE},
     * {@link Capability#SHARED_ACROSS_PROCESSES} and so on.
     *
     * @return the capabilities
     */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * The largest value the backend declares it can store, in bytes of JSON as option
     * {@code max-value-bytes} measures it; the store's {@code max-value-bytes} is at most this.
     *
     * @return the backend's maximum, {@link Integer#MAX_VALUE} when it declares none
     */
    public int backendMaxValueBytes() {
        return backendMaxValueBytes;
    }

    /**
     * Whether a commit that returned survives a crash of the application and a restart of the
     * storage.
     *
     * @return true when the backend declares {@link Capability#DURABLE}
     */
    public boolean isDurable() {
        return capabilities.contains(Capability.DURABLE);
    }

    @Override
    public String toString() {
        return "KvStoreInfo[" + url + ", " + provider + ", SPI " + spiVersion + ", "
                + capabilities + "]";
    }
}
