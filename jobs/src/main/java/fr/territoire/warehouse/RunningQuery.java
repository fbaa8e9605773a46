package fr.territoire.warehouse;

/**
 * How far the statement running on the warehouse has got, as DuckDB reports it: the share
 * done and the rows processed out of the rows it will process (for a {@code read_csv} of
 * a register stock, its rows).
 *
 * @param percent the share done, 0 to 100
 * @param rows rows processed so far
 * @param totalRows rows to process
 */
public record RunningQuery(double percent, long rows, long totalRows) {
}
