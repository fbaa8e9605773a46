/**
 * Synthetic inputs for benchmarks and scale tests: a SIRENE stock in the exact current
 * layout, drawn from real reference data.
 */
@NullMarked
package fr.territoire.generate;

import org.jspecify.annotations.NullMarked;
