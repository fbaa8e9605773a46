package fr.territoire.partner;

import java.util.List;
import java.util.Objects;

/**
 * What one mapping of a partner feeds: the indicators whose measures are computed from
 * its staging table, found by following the models that read it (see
 * {@code project/PartnerLinks}).
 *
 * @param partner the partner's id
 * @param source the mapping's source
 * @param indicators the indicator ids, sorted
 */
public record PartnerFeed(String partner, String source, List<String> indicators) {

	public PartnerFeed {
		Objects.requireNonNull(partner, "partner is null");
		Objects.requireNonNull(source, "source is null");
		indicators = List.copyOf(indicators);
	}

}
