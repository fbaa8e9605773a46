/**
 * Geography: COG vintages, their hierarchy, passage tables between vintages, and the
 * harmonisation of every source to the target vintage.
 */
@NullMarked
package fr.territoire.geography;

import org.jspecify.annotations.NullMarked;
