/**
 * Benchmarks anyone can rerun: each measures a Territoire path side by side with the
 * baseline its issue names, in the same run, on data it generates.
 */
@NullMarked
package fr.territoire.benchmark;

import org.jspecify.annotations.NullMarked;
