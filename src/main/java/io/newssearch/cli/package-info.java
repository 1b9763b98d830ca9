/**
 * The {@code newssearch} command line (picocli): index, serve, search, check, backup, restore, bench, eval. Commands return exit codes; printing
 * lives here, not in the engine.
 */
package io.newssearch.cli;
