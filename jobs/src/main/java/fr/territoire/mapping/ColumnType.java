package fr.territoire.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The type a mapped column is cast to in its staging table. */
public enum ColumnType {

	/** Free text. */
	TEXT("VARCHAR"),
	/** A code: text that only looks like a number (commune, SIRET, NAF); never cast. */
	CODE("VARCHAR"),
	/** A whole number (64 bits); {@code 12.0} is accepted, {@code 12.5} is not. */
	INTEGER("BIGINT"),
	/** A decimal number, with the mapping's decimal separator. */
	DECIMAL("DOUBLE"),
	/** A calendar date. */
	DATE("DATE"),
	/** A yes/no value. */
	BOOLEAN("BOOLEAN");

	private final String sqlType;

	ColumnType(String sqlType) {
		this.sqlType = sqlType;
	}

	/** The DuckDB type of the staged column. */
	public String sqlType() {
		return this.sqlType;
	}

	/** Whether {@code min} and {@code max} apply. */
	public boolean isOrdered() {
		return this == INTEGER || this == DECIMAL || this == DATE;
	}

	@JsonCreator
	static ColumnType parse(String text) {
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown type '" + text + "'; known types: " + known());
		}
	}

	static String known() {
		return Arrays.stream(values())
			.map((type) -> type.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
	}

}
