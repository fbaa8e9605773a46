package fr.territoire.partner;

import java.util.List;
import java.util.Optional;

import fr.territoire.mapping.Column;
import fr.territoire.mapping.ColumnType;
import fr.territoire.mapping.Mapping;
import fr.territoire.mapping.Rule;

/**
 * Why a row was rejected, in French, for the partner who fixes the file: from the rule
 * the row broke ({@code quality.rejected_row.rule}) and the column's declaration in the
 * mapping. An unknown rule falls back to the warehouse's message.
 */
final class RejectReason {

	private RejectReason() {
	}

	static String of(Mapping mapping, String rule, String columnName, String message) {
		String shown = "« " + columnName + " »";
		Optional<Column> column = column(mapping, columnName);
		return switch (rule) {
			case "required" -> shown + " est obligatoire : la cellule est vide (ou contient une marque de valeur "
					+ "absente comme « NC » ou « - »)";
			case "integer" -> shown + " doit être un nombre entier";
			case "decimal" -> shown + " doit être un nombre";
			case "boolean" -> shown + " doit valoir vrai ou faux";
			case "date" -> shown + " doit être une date" + column.map(RejectReason::dateFormats).orElse("");
			case "pattern" -> shown + " n'a pas la forme attendue (motif " + value(column, Rule.Kind.PATTERN) + ")";
			case "allowed" -> shown + " doit valoir l'une de ces valeurs : " + allowed(column);
			case "min" -> shown + " doit valoir au moins " + value(column, Rule.Kind.MIN);
			case "max" -> shown + " doit valoir au plus " + value(column, Rule.Kind.MAX);
			case "siren" -> shown + " doit être un SIREN : 9 chiffres dont le dernier est une clé de contrôle "
					+ "(formule de Luhn) valide";
			case "siret" -> shown + " doit être un SIRET : 14 chiffres dont le dernier est une clé de contrôle "
					+ "(formule de Luhn) valide";
			case "commune_code" -> shown + " doit être un code commune de l'Insee : 5 chiffres, ou 2A/2B suivi de "
					+ "3 chiffres en Corse (pas un code postal)";
			case "departement_code" -> shown + " doit être un code de département : 2 chiffres, 2A, 2B ou 97x";
			case "reference" -> shown + " doit être une valeur connue de la table de référence";
			case "duplicate_key" -> "doublon : une ligne valide avec le même " + keyHeaders(mapping, columnName)
					+ " figure plus haut dans le fichier ; supprimez l'une des deux lignes";
			default -> message;
		};
	}

	/** The header a rejected column is shown by: its header, or the key's headers. */
	static String header(Mapping mapping, String columnName) {
		return column(mapping, columnName).map(Column::shownName).orElse(columnName);
	}

	private static Optional<Column> column(Mapping mapping, String columnName) {
		return mapping.columns()
			.stream()
			.filter((column) -> column.shownName().equals(columnName) || column.targetName().equals(columnName))
			.findFirst();
	}

	private static String keyHeaders(Mapping mapping, String keys) {
		List<String> headers = java.util.Arrays.stream(keys.split(",\\s*"))
			.map((key) -> "« " + header(mapping, key) + " »")
			.toList();
		return String.join(", ", headers);
	}

	private static String value(Optional<Column> column, Rule.Kind kind) {
		return column.flatMap((found) -> found.rules().stream().filter((rule) -> rule.kind() == kind).findFirst())
			.map((rule) -> String.valueOf(rule.value()))
			.orElse("?");
	}

	private static String allowed(Optional<Column> column) {
		return column
			.flatMap((found) -> found.rules().stream().filter((rule) -> rule.kind() == Rule.Kind.ALLOWED).findFirst())
			.map((rule) -> String.join(", ", rule.allowedValues()))
			.orElse("?");
	}

	private static String dateFormats(Column column) {
		if (column.columnType() != ColumnType.DATE || column.format() == null || column.format().isEmpty()) {
			return "";
		}
		List<String> formats = column.format()
			.stream()
			.map((format) -> format.equals("excel") ? "date Excel"
					: format.replace("%d", "jj").replace("%m", "mm").replace("%Y", "aaaa"))
			.toList();
		return " (" + String.join(", ", formats) + ")";
	}

}
