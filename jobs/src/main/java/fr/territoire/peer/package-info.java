/**
 * Statistical nearest neighbours (issue 12): for every territory of a level, the
 * territories of the same level (and group) closest on standardised structural
 * indicators, declared in {@code warehouse/peers.yaml}.
 */
@NullMarked
package fr.territoire.peer;

import org.jspecify.annotations.NullMarked;
