@NullMarked
package fr.territoire.nightly;

import org.jspecify.annotations.NullMarked;
