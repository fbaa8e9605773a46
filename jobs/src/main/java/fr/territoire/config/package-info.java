/**
 * The bottom of the application: reading YAML configuration, problems found in it, the
 * project's and the home's folders, file hashes. Imported by every feature, importing
 * none.
 */
@NullMarked
package fr.territoire.config;

import org.jspecify.annotations.NullMarked;
