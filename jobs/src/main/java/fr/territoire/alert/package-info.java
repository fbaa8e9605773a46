/**
 * The {@code alerts} step (veille): runs every query of {@code warehouse/alerts/} and
 * keeps the rows each returns, one alert a row, in {@code mart.alert}. docs/alerts.md.
 */
@NullMarked
package fr.territoire.alert;

import org.jspecify.annotations.NullMarked;
