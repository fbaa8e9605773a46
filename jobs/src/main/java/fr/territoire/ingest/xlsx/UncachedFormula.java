package fr.territoire.ingest.xlsx;

/**
 * A formula cell stored without its result (as some programs write workbooks) that could
 * not be evaluated: its value is unknown, never to be read as empty.
 *
 * @param cell the cell's reference, e.g. {@code I7}
 * @param column the 0-based column index (A = 0)
 * @param formula the formula as stored, without its {@code =}; empty for a cell sharing
 * another cell's formula
 * @param reason why it was not evaluated
 */
public record UncachedFormula(String cell, int column, String formula, String reason) {
}
