package fr.territoire.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An input file found for a source.
 *
 * @param source the mapping's source
 * @param path the absolute path
 * @param name the path relative to the inbox, as reported to users and kept as lineage
 * @param bytes the size
 * @param sha256 the content hash
 */
public record InputFile(String source, Path path, String name, long bytes, String sha256) {

	public InputFile {
		Objects.requireNonNull(source, "source is null");
		Objects.requireNonNull(path, "path is null");
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(sha256, "sha256 is null");
	}

}
