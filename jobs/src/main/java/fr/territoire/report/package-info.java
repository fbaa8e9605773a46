@NullMarked
package fr.territoire.report;

import org.jspecify.annotations.NullMarked;
