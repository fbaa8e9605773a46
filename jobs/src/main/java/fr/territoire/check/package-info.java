@NullMarked
package fr.territoire.check;

import org.jspecify.annotations.NullMarked;
