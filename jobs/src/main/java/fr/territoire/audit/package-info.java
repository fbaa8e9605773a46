@NullMarked
package fr.territoire.audit;

import org.jspecify.annotations.NullMarked;
