/**
 * The project's configuration as one value: every folder (mappings, models, audits,
 * indicators, publication, schedules) read once by the same loader, with the links
 * between them checked. {@code territoire check}, {@code territoire run} and every future
 * command use it.
 */
@NullMarked
package fr.territoire.project;

import org.jspecify.annotations.NullMarked;
