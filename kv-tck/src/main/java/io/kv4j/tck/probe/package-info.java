/**
 * Deliberately broken providers that the kit installs for a moment, through the thread's context
 * class loader, to check provider lookup (KV-11.3 to KV-11.5). Not exported.
 */
package io.kv4j.tck.probe;
