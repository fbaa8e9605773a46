package fr.territoire.query;

/**
 * The formats a query result is printed in.
 */
public enum OutputFormat {

	TABLE, CSV, JSON, MARKDOWN

}
