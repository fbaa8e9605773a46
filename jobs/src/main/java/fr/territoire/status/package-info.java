@NullMarked
package fr.territoire.status;

import org.jspecify.annotations.NullMarked;
