/**
 * {@code territoire serve}: the home's {@code publish/} folder over HTTP (releases,
 * {@code latest} and the catalogue), with the headers DuckDB and browsers rely on: exact
 * lengths, validators, byte ranges, conditional requests, gzip for text.
 */
@NullMarked
package fr.territoire.serve;

import org.jspecify.annotations.NullMarked;
