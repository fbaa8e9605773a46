package fr.territoire.partner;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import fr.territoire.config.DefinitionFolder;
import fr.territoire.config.DefinitionsIn;
import org.jspecify.annotations.Nullable;

/**
 * A partner of the network, declared once in {@code partners/<id>.yaml} (the id is the
 * file name); its mappings name it with {@code partner: <id>}.
 *
 * @param name the partner's name, as the release credits it
 * @param kind what kind of body it is
 * @param contact who to write to about its files (the return file goes to them)
 * @param licence the licence of what it sends, as the release states it
 * @param confidentiality {@code public}: its figures may be published as any other;
 * {@code confidential}: only as aggregates under statistical secrecy (every indicator its
 * data feeds must have a secrecy class other than {@code none}, checked by
 * {@code territoire check})
 * @param description what it sends, in words (optional)
 */
@DefinitionsIn(value = "partners", kind = DefinitionFolder.Kind.YAML)
public record PartnerSpec(String name, Kind kind, Contact contact, String licence, Confidentiality confidentiality,
		@Nullable String description) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public PartnerSpec {
		Objects.requireNonNull(name, "name is required");
		Objects.requireNonNull(kind, "kind is required: collectivite, chambre_consulaire, cluster or entreprise");
		Objects.requireNonNull(contact, "contact is required (name, email)");
		Objects.requireNonNull(licence, "licence is required: the licence of what the partner sends");
		Objects.requireNonNull(confidentiality, "confidentiality is required: public or confidential");
		if (name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
	}

	/** Whether its figures may be published only as aggregates under secrecy. */
	public boolean isConfidential() {
		return this.confidentiality == Confidentiality.CONFIDENTIAL;
	}

	/**
	 * Who to write to.
	 *
	 * @param name a person or a service
	 * @param email their address
	 */
	public record Contact(String name, String email) {

		public Contact {
			Objects.requireNonNull(name, "contact.name is required");
			Objects.requireNonNull(email, "contact.email is required");
			if (!EMAIL.matcher(email).matches()) {
				throw new IllegalArgumentException("contact.email '" + email + "' is not an e-mail address");
			}
		}

	}

	/** The kinds of partners. */
	public enum Kind {

		COLLECTIVITE("collectivité"), CHAMBRE_CONSULAIRE("chambre consulaire"), CLUSTER("cluster"),
		ENTREPRISE("entreprise");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The kind in French, as pages show it. */
		public String label() {
			return this.label;
		}

		/** The kind as written in YAML. */
		public String yamlName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		@JsonCreator
		static Kind parse(String text) {
			for (Kind kind : values()) {
				if (kind.yamlName().equals(text)) {
					return kind;
				}
			}
			throw new IllegalArgumentException(
					"kind '" + text + "' is not one of collectivite, chambre_consulaire, cluster, entreprise");
		}

	}

	/** Whether a partner's figures may be published as they are. */
	public enum Confidentiality {

		PUBLIC, CONFIDENTIAL;

		public String yamlName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		@JsonCreator
		static Confidentiality parse(String text) {
			for (Confidentiality value : values()) {
				if (value.yamlName().equals(text)) {
					return value;
				}
			}
			throw new IllegalArgumentException("confidentiality '" + text + "' is not one of public, confidential");
		}

	}

}
