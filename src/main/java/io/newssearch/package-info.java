/** Wiring of the embedded engine ({@link io.newssearch.LocalEngine}) and the packages by responsibility below. */
package io.newssearch;
