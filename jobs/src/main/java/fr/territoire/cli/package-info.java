@NullMarked
package fr.territoire.cli;

import org.jspecify.annotations.NullMarked;
