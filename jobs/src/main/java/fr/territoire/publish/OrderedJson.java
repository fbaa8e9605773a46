package fr.territoire.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects whose keys are written in the order given. {@code Map.of} iterates in an
 * order salted per JVM, so a document built from it changes bytes from one run to the
 * next: a resumed run would publish a different {@code catalog.jsonld} or
 * {@code datapackage.json} than an uninterrupted one.
 */
final class OrderedJson {

	private OrderedJson() {
	}

	static Map<String, Object> object(Object... keysAndValues) {
		if (keysAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("keys and values come in pairs");
		}
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			object.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return object;
	}

}
