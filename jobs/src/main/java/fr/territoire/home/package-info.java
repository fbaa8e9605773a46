@NullMarked
package fr.territoire.home;

import org.jspecify.annotations.NullMarked;
