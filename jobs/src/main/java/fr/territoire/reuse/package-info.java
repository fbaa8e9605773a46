/**
 * The reuse of an unchanged run (docs/operations.md): the {@code reuse} step fingerprints
 * the run's inputs, configuration and code and compares them with the last promoted run;
 * when nothing changed, every computing step is skipped and the release republished.
 */
@NullMarked
package fr.territoire.reuse;

import org.jspecify.annotations.NullMarked;
