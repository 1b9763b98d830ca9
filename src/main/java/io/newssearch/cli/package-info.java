/**
 * The {@code newssearch} command line (picocli): index, serve, search, check, backup, restore, bench, eval. Commands return exit codes; printing
 * lives here, not in the engine. {@link io.newssearch.cli.Main} wires what every command shares: options from
 * {@code NEWSSEARCH_*} environment variables ({@link io.newssearch.cli.EnvironmentDefaults}) and the logging
 * options ({@link io.newssearch.cli.LoggingOptions}, applied by {@link io.newssearch.cli.Logging}). The
 * {@code Bench*} and {@code Eval*} commands are packed in {@code newssearch-tools.jar}, not in the jar the
 * server runs from, and join the command line through {@link io.newssearch.cli.ToolCommands}.
 */
package io.newssearch.cli;
