@NullMarked
package fr.territoire.error;

import org.jspecify.annotations.NullMarked;
