package fr.territoire.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import fr.territoire.warehouse.SqlModel;

/**
 * The layer of the nightly an audit runs after ({@code after:} in its YAML). Audits after
 * staging up to marts run in the {@code audit} step, right after the models; audits after
 * indicators or public run in the {@code audit.public} step, right before publication, so
 * that they can check what is published. A failing blocking audit stops the run in either
 * step: nothing is published and the warehouse is not promoted.
 */
public enum AuditLayer {

	STAGING, GEOGRAPHY, CORE, MARTS, INDICATORS, PUBLIC;

	/** Reads the YAML value, e.g. {@code public}. */
	@JsonCreator
	public static AuditLayer named(String name) {
		for (AuditLayer layer : values()) {
			if (layer.yamlName().equals(name)) {
				return layer;
			}
		}
		throw new IllegalArgumentException("after '" + name + "' must be one of "
				+ Arrays.stream(values()).map(AuditLayer::yamlName).collect(Collectors.joining(", ")));
	}

	/** The layer after which the tests of a model of this layer run. */
	public static AuditLayer of(SqlModel.Layer layer) {
		return switch (layer) {
			case STAGING -> STAGING;
			case GEOGRAPHY -> GEOGRAPHY;
			case CORE -> CORE;
			case MARTS -> MARTS;
			case SECRECY, INDICATORS -> INDICATORS;
			case PUBLIC -> PUBLIC;
		};
	}

	public String yamlName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the audit runs in the {@code audit} step, before indicators are computed.
	 */
	public boolean runsBeforeIndicators() {
		return compareTo(MARTS) <= 0;
	}

}
