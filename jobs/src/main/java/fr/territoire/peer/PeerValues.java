package fr.territoire.peer;

import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the values of {@code warehouse/peers.yaml} that have a range, refusing a wrong
 * one where it is written: the problem then names the line of the value, not the end of
 * the record holding it (what a check in the record's constructor would give).
 */
final class PeerValues {

	private PeerValues() {
	}

	/** {@code k}: between 1 and 100. */
	static final class NeighbourCount extends ValueDeserializer<Integer> {

		@Override
		public Integer deserialize(JsonParser parser, DeserializationContext context) {
			Integer k = context.readValue(parser, Integer.class);
			if (k == null || k < 1 || k > PeerSpec.MAX_K) {
				return context.reportInputMismatch(Integer.class,
						"k must be between 1 and " + PeerSpec.MAX_K + ", not " + k);
			}
			return k;
		}

	}

	/** A feature's weight: a positive number. */
	static final class Weight extends ValueDeserializer<Double> {

		@Override
		public Double deserialize(JsonParser parser, DeserializationContext context) {
			Double weight = context.readValue(parser, Double.class);
			if (weight == null || !(weight > 0) || weight.isInfinite()) {
				return context.reportInputMismatch(Double.class, "a weight must be a positive number, not " + weight);
			}
			return weight;
		}

	}

	/** A level: one of {@link PeerSpec#LEVELS}. */
	static final class LevelName extends OneOf {

		LevelName() {
			super("level", PeerSpec.LEVELS, " (France is a single territory)");
		}

	}

	/** A grouping column: one of {@link PeerSpec#GROUP_COLUMNS}. */
	static final class GroupColumn extends OneOf {

		GroupColumn() {
			super("group_by", PeerSpec.GROUP_COLUMNS, " (the columns of core.territory_peer_group)");
		}

	}

	/** A dimension: one of {@link PeerSpec#DIMENSIONS}. */
	static final class Dimension extends OneOf {

		Dimension() {
			super("dimension", PeerSpec.DIMENSIONS, " (the dimensions of mart.indicator_value)");
		}

	}

	/** A text among known ones. */
	abstract static class OneOf extends ValueDeserializer<String> {

		private final String key;

		private final List<String> known;

		private final String why;

		OneOf(String key, List<String> known, String why) {
			this.key = key;
			this.known = known;
			this.why = why;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = context.readValue(parser, String.class);
			if (!this.known.contains(value)) {
				return context.reportInputMismatch(String.class,
						"unknown " + this.key + " '" + value + "': one of " + this.known + this.why);
			}
			return value;
		}

	}

}
