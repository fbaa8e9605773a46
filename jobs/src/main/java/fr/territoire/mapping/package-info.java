@NullMarked
package fr.territoire.mapping;

import org.jspecify.annotations.NullMarked;
