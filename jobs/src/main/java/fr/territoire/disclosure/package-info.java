/**
 * The independent disclosure audit (the nightly step {@code disclosure}, after
 * {@code audit.public}, before {@code publish}): for every protected table of
 * {@code mart.secrecy_table}, it rebuilds the true table from the unit-level
 * contributions with its own SQL ({@code warehouse/disclosure/}), reads what the public
 * layer publishes, and proves that no secret cell can be recomputed from the published
 * values, that no published cell breaks the primary rule, that no single unit can recover
 * a sibling, and that every primary cell of a business table keeps its protection
 * interval. It shares no code with the suppression ({@code fr.territoire.secrecy}): it
 * proves it. See {@code docs/secrecy.md}, "The independent audit".
 */
@NullMarked
package fr.territoire.disclosure;

import org.jspecify.annotations.NullMarked;
