/**
 * When each job runs: the entries of {@code schedules/*.yaml}.
 */
@NullMarked
package fr.territoire.schedule;

import org.jspecify.annotations.NullMarked;
