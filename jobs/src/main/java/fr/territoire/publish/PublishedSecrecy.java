package fr.territoire.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistical-secrecy rules the release's indicators went through
 * ({@code warehouse/secrecy.yaml}), as {@code datapackage.json} states them.
 *
 * @param minUnits a cell resting on fewer units (firms) is secret
 * @param dominance a cell of a business figure where one unit makes more than this share
 * is secret
 * @param secondary whether secondary secrecy ran
 * @param method the secondary-suppression method
 */
public record PublishedSecrecy(int minUnits, double dominance, boolean secondary, String method) {

	/** INSEE's thresholds. */
	public static final PublishedSecrecy DEFAULTS = new PublishedSecrecy(3, 0.85, true, "gaussian");

	/** The rules as a JSON object, with a French summary. */
	Map<String, Object> describe() {
		Map<String, Object> rules = new LinkedHashMap<>();
		rules.put("description", "Secret statistique (loi 51-711, art. 6) : une valeur reposant sur moins de "
				+ this.minUnits + " entreprises, ou dont une seule entreprise fait plus de "
				+ Math.round(this.dominance * 100) + " % (montants), est secrète"
				+ (this.secondary ? " ; le secret secondaire rend secrètes d'autres valeurs pour qu'aucune valeur "
						+ "secrète ne puisse être recalculée à partir des totaux publiés" : "")
				+ ". Une ligne secrète garde sa place (statut secret_primary ou secret_secondary) mais sa valeur, "
				+ "son numérateur, son dénominateur, ses rangs et ses références sont vides. Les règles de diffusion "
				+ "du répertoire SIRENE (statutDiffusion P) masquent l'adresse, les coordonnées et, pour les "
				+ "personnes physiques, les noms.");
		rules.put("min_units", this.minUnits);
		rules.put("dominance", this.dominance);
		rules.put("secondary", this.secondary);
		rules.put("method", this.method);
		return rules;
	}

}
