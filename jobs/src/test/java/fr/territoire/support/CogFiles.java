package fr.territoire.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One COG vintage read with Jackson straight from the JSON of
 * {@code @etalab/decoupage-administratif}, independently of the pipeline.
 *
 * @param communes current communes (commune-actuelle) by code
 * @param all every entry (all types)
 */
public record CogFiles(Map<String, JsonNode> communes, List<JsonNode> all) {

	/**
	 * Reads {@code communes.json}, or {@code communes.json.gz} as the samples ship it.
	 */
	public static CogFiles read(Path communesJson) throws IOException {
		Map<String, JsonNode> communes = new LinkedHashMap<>();
		List<JsonNode> all = new ArrayList<>();
		try (InputStream in = communesJson.getFileName().toString().endsWith(".gz")
				? new GZIPInputStream(Files.newInputStream(communesJson)) : Files.newInputStream(communesJson)) {
			for (JsonNode entry : JsonMapper.builder().build().readTree(in)) {
				all.add(entry);
				if (type(entry).equals("commune-actuelle")) {
					communes.put(entry.get("code").asString(), entry);
				}
			}
		}
		return new CogFiles(communes, all);
	}

	public static String type(JsonNode entry) {
		return entry.get("type").asString();
	}

	/** The entries of a type. */
	public List<JsonNode> ofType(String type) {
		return this.all.stream().filter((entry) -> type(entry).equals(type)).toList();
	}

	/** The former codes a current commune lists. */
	public List<String> formerCodes(String commune) {
		List<String> codes = new ArrayList<>();
		JsonNode former = this.communes.get(commune).get("anciensCodes");
		if (former != null) {
			former.forEach((code) -> codes.add(code.asString()));
		}
		return codes;
	}

}
