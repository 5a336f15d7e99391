/**
 * The {@code kv} command. {@link io.kv4j.cli.Main} is the entry point; each subcommand is a
 * class registered in its {@code @Command} annotation.
 */
package io.kv4j.cli;
