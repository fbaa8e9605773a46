/**
 * Territoire: nightly territorial-intelligence pipeline.
 */
@NullMarked
package fr.territoire;

import org.jspecify.annotations.NullMarked;
