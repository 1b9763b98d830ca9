/**
 * The {@code newssearch} command line (picocli): index, serve, search, check, backup, restore, bench, eval. Commands return exit codes; printing
 * lives here, not in the engine. {@link io.newssearch.cli.Main} wires what every command shares: options from
 * {@code NEWSSEARCH_*} environment variables ({@link io.newssearch.cli.EnvironmentDefaults}) and the logging
 * options ({@link io.newssearch.cli.LoggingOptions}, applied by {@link io.newssearch.cli.Logging}).
 */
package io.newssearch.cli;
