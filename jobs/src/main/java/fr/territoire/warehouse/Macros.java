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
			    coalesce(regexp_full_match(s, '[0-9]{9}') AND luhn_sum(s) % 10 = 0, false)
			);
			CREATE OR REPLACE MACRO siret_is_valid(s) AS (
			    coalesce(regexp_full_match(s, '[0-9]{14}') AND CASE
			        WHEN left(s, 9) = '356000000' AND s <> '35600000000048'
			            THEN list_sum(list_transform(range(1, 15), lambda i: TRY_CAST(substr(s, i, 1) AS INTEGER))) % 5 = 0
			        ELSE luhn_sum(s) % 10 = 0 END, false)
			);
			""";

	private Macros() {
	}

}
