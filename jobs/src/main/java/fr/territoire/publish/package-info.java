@NullMarked
package fr.territoire.publish;

import org.jspecify.annotations.NullMarked;
