@NullMarked
package fr.territoire.query;

import org.jspecify.annotations.NullMarked;
