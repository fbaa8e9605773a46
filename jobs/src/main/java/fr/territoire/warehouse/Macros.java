package fr.territoire.warehouse;

/**
 * SQL macros every model may use, created in the warehouse before models run.
 */
public final class Macros {

	/**
	 * {@code siret_is_valid(s)}: 14 digits and a valid Luhn key, except La Poste's
	 * establishments (SIREN 356000000 but the head office 35600000000048) whose digits
	 * must sum to a multiple of 5. {@code siren_is_valid(s)}: 9 digits and a valid Luhn
	 * key.
	 */
	public static final String DDL = """
			CREATE OR REPLACE MACRO luhn_sum(s) AS (
			    list_sum(list_transform(range(1, length(s) + 1), lambda i:
			        CASE WHEN (length(s) - i) % 2 = 1
			             THEN (TRY_CAST(substr(s, i, 1) AS INTEGER) * 2) // 10 + (TRY_CAST(substr(s, i, 1) AS INTEGER) * 2) % 10
			             ELSE TRY_CAST(substr(s, i, 1) AS INTEGER) END))
			);
			CREATE OR REPLACE MACRO siren_is_valid(s) AS (
			    coalesce(regexp_full_match(s, '[0-9]{9}') AND (SIREN_LUHN_SUM) % 10 = 0, false)
			);
			CREATE OR REPLACE MACRO siret_is_valid(s) AS (
			    coalesce(regexp_full_match(s, '[0-9]{14}') AND CASE
			        WHEN left(s, 9) = '356000000' AND s <> '35600000000048'
			            THEN (SIRET_DIGIT_SUM) % 5 = 0
			        ELSE (SIRET_LUHN_SUM) % 10 = 0 END, false)
			);
			"""
		.replace("SIREN_LUHN_SUM", luhnSum(9))
		.replace("SIRET_DIGIT_SUM", digitSum(14))
		.replace("SIRET_LUHN_SUM", luhnSum(14));

	/**
	 * The Luhn sum of a string of a fixed length, written out digit by digit: about ten
	 * times faster in DuckDB than a lambda over the digits, which matters on the 44
	 * million SIRETs of the register. {@code luhn_sum(s)} keeps the general form for any
	 * length.
	 */
	static String luhnSum(int length) {
		StringBuilder sum = new StringBuilder();
		for (int position = 1; position <= length; position++) {
			String digit = "(ascii(substr(s, " + position + ", 1)) - 48)";
			sum.append((position > 1) ? " + " : "");
			sum.append(((length - position) % 2 == 1) ? "(2 * " + digit + ") // 10 + (2 * " + digit + ") % 10" : digit);
		}
		return sum.toString();
	}

	/** The sum of the digits of a string of a fixed length (La Poste's rule). */
	static String digitSum(int length) {
		StringBuilder sum = new StringBuilder();
		for (int position = 1; position <= length; position++) {
			sum.append((position > 1) ? " + " : "").append("(ascii(substr(s, ").append(position).append(", 1)) - 48)");
		}
		return sum.toString();
	}

	private Macros() {
	}

}
