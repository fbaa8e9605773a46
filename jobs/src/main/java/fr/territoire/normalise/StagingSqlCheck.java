package fr.territoire.normalise;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.territoire.mapping.Mapping;
import fr.territoire.warehouse.MacroCatalog;
import fr.territoire.warehouse.Sql;

/**
 * Binds the generated staging model of a declarative mapping in an empty in-memory
 * DuckDB, without touching data, so that {@code territoire check} catches what only
 * DuckDB knows: a regular expression its engine refuses, a date format it cannot parse, a
 * reference to a column that does not exist.
 */
public final class StagingSqlCheck implements AutoCloseable {

	private final MacroCatalog macros;

	/**
	 * One in-memory DuckDB for every mapping, opened at the first check with the macros
	 * created once; each check runs in a transaction rolled back at its end, so that no
	 * mapping sees another's tables. A database per mapping cost about a second at every
	 * start of every command.
	 */
	private Connection connection;

	/**
	 * A check of several mappings against the same macros; close it when done.
	 * @param macros the warehouse's macros, which generated models call
	 */
	public StagingSqlCheck(MacroCatalog macros) {
		this.macros = macros;
	}

	/**
	 * What DuckDB says is wrong with the generated model, if anything.
	 * @param mapping a declarative mapping
	 * @param macros the warehouse's macros, which generated models call
	 * @return DuckDB's complaint, if any
	 */
	public static Optional<String> problem(Mapping mapping, MacroCatalog macros) {
		try (StagingSqlCheck check = new StagingSqlCheck(macros)) {
			return check.problem(mapping);
		}
	}

	/**
	 * Everything the check of a mapping depends on, but DuckDB: the same text gives the
	 * same answer (for remembering it).
	 * @param mapping a declarative mapping
	 * @param macros the warehouse's macros
	 * @return the generated model and what the check creates before binding it
	 */
	public static String question(Mapping mapping, MacroCatalog macros) {
		StringBuilder question = new StringBuilder();
		try {
			question.append(StagingSql.sql(mapping)).append('\n');
		}
		catch (IllegalArgumentException ex) {
			question.append("refused: ").append(ex.getMessage()).append('\n');
		}
		question.append(mapping.rawTable()).append('\n').append(mapping.headers()).append('\n');
		question.append(StagingSql.references(mapping)).append('\n');
		referenceRules(mapping).forEach((reference) -> question.append(reference).append('\n'));
		macros.macros().forEach((macro) -> question.append(macro.name()).append('\n').append(macro.sql()).append('\n'));
		return question.toString();
	}

	/**
	 * What DuckDB says is wrong with the generated model, if anything.
	 * @param mapping a declarative mapping
	 * @return DuckDB's complaint, if any
	 */
	public Optional<String> problem(Mapping mapping) {
		String sql;
		try {
			sql = StagingSql.sql(mapping);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(ex.getMessage());
		}
		try {
			Connection connection = connection();
			try (Statement statement = connection.createStatement()) {
				return bind(statement, mapping, sql);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			return Optional.of("DuckDB refuses the generated staging model: " + firstLine(ex.getMessage()));
		}
	}

	private static Optional<String> bind(Statement statement, Mapping mapping, String sql) {
		try {
			String columns = mapping.headers()
				.stream()
				.map((name) -> Sql.identifier(name) + " VARCHAR")
				.collect(Collectors.joining(", "));
			statement
				.execute("CREATE TABLE " + mapping.rawTable() + " (_file VARCHAR, _record BIGINT, " + columns + ")");
			for (String table : StagingSql.references(mapping)) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
			}
			referenceRules(mapping).forEach((reference) -> createReference(statement, reference));
			statement.execute("INSERT INTO " + mapping.rawTable() + " (_file, _record) VALUES ('check', 1)");
			statement.execute("CREATE TEMP TABLE checked AS " + sql);
			return Optional.empty();
		}
		catch (SQLException ex) {
			return Optional.of("DuckDB refuses the generated staging model: " + firstLine(ex.getMessage()));
		}
	}

	private Connection connection() throws SQLException {
		if (this.connection == null) {
			Connection opened = DriverManager.getConnection("jdbc:duckdb:");
			fr.territoire.config.NativeLibraryLeftovers.record();
			try (Statement statement = opened.createStatement()) {
				statement.execute("CREATE SCHEMA raw; CREATE SCHEMA staging;");
				this.macros.create(opened);
				opened.setAutoCommit(false);
			}
			catch (SQLException | RuntimeException ex) {
				opened.close();
				throw ex;
			}
			this.connection = opened;
		}
		return this.connection;
	}

	@Override
	public void close() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// an in-memory database: nothing to keep
			}
			this.connection = null;
		}
	}

	/** The tables and columns the mapping's reference rules look codes up in. */
	private static List<fr.territoire.mapping.Rule.Reference> referenceRules(Mapping mapping) {
		return mapping.columns()
			.stream()
			.flatMap((column) -> column.rules().stream())
			.filter((rule) -> rule.kind() == fr.territoire.mapping.Rule.Kind.REFERENCE)
			.map(fr.territoire.mapping.Rule::reference)
			.distinct()
			.toList();
	}

	private static void createReference(Statement statement, fr.territoire.mapping.Rule.Reference reference) {
		try {
			statement.execute("CREATE TABLE IF NOT EXISTS " + reference.table() + " ("
					+ Sql.identifier(reference.column()) + " VARCHAR)");
			statement.execute("ALTER TABLE " + reference.table() + " ADD COLUMN IF NOT EXISTS "
					+ Sql.identifier(reference.column()) + " VARCHAR");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse(message) : "unknown error";
	}

}
