@NullMarked
package fr.territoire.normalise;

import org.jspecify.annotations.NullMarked;
