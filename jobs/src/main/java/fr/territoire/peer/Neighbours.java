package fr.territoire.peer;

/**
 * The neighbours of every territory of a level, by territory index (the rank of its
 * code), in order: slot {@code territory * k + order - 1}.
 *
 * @param k the number of slots per territory
 * @param features the number of features
 * @param peers the neighbour's index in each slot, -1 for an empty slot (a group smaller
 * than k + 1, or a territory in no group)
 * @param distances the weighted Euclidean distance in each slot
 * @param contributions {@code contributions[slot * features + feature]}: the feature's
 * share of the squared distance
 */
public record Neighbours(int k, int features, int[] peers, double[] distances, double[] contributions) {

	/** The neighbour of rank {@code order} (1 = nearest), or -1. */
	public int peer(int territory, int order) {
		return this.peers[territory * this.k + order - 1];
	}

	/** The distance to the neighbour of rank {@code order}. */
	public double distance(int territory, int order) {
		return this.distances[territory * this.k + order - 1];
	}

	/**
	 * A feature's share of the squared distance to the neighbour of rank {@code order}.
	 */
	public double contribution(int territory, int order, int feature) {
		return this.contributions[(territory * this.k + order - 1) * this.features + feature];
	}

}
