@NullMarked
package fr.territoire.ingest.xlsx;

import org.jspecify.annotations.NullMarked;
