@NullMarked
package fr.territoire.warehouse;

import org.jspecify.annotations.NullMarked;
