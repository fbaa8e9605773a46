@NullMarked
package fr.territoire.indicator;

import org.jspecify.annotations.NullMarked;
