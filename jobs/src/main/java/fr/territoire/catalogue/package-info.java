/**
 * The catalogue of a release: {@code index.html}, one page per dataset,
 * {@code changes.json} (what changed since the previous release), charts of key
 * indicators; read from the release's {@code manifest.json}, {@code datapackage.json} and
 * Parquet files only.
 */
@NullMarked
package fr.territoire.catalogue;

import org.jspecify.annotations.NullMarked;
