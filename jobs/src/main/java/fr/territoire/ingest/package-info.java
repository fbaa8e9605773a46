@NullMarked
package fr.territoire.ingest;

import org.jspecify.annotations.NullMarked;
