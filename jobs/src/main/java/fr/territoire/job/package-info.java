/**
 * Running any job: the runner (one run at a time, recovery of crashed executions,
 * restart), the lock, the warehouse's lifecycle around a job and the step listeners. Job
 * definitions live in their own packages ({@code nightly}).
 */
@NullMarked
package fr.territoire.job;

import org.jspecify.annotations.NullMarked;
