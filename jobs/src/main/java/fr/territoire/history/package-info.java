/**
 * Establishment history: validity periods built by comparing each stock of the register
 * with the history kept by the last good warehouse.
 */
@NullMarked
package fr.territoire.history;

import org.jspecify.annotations.NullMarked;
