package fr.territoire.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File fingerprints: inputs are recognised by them, releases list them. A file is read
 * once per JVM: its hash is kept with its identity (path, file key, size, modification
 * time), so the ingest step does not hash again a 2 GB stock the discover step just
 * hashed, while a file replaced or rewritten in between is hashed again.
 */
public final class FileHash {

	private static final Map<Identity, String> HASHED = new ConcurrentHashMap<>();

	private FileHash() {
	}

	/** The SHA-256 of a file's content, in lower-case hexadecimal. */
	public static String sha256(Path path) throws IOException {
		Identity identity = Identity.of(path);
		String known = HASHED.get(identity);
		if (known != null) {
			return known;
		}
		String hash = read(path);
		if (identity.equals(Identity.of(path))) {
			HASHED.put(identity, hash);
		}
		return hash;
	}

	private static String read(Path path) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JVM has no SHA-256", ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private record Identity(Path path, Object fileKey, long size, FileTime modified) {

		static Identity of(Path path) throws IOException {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return new Identity(path.toAbsolutePath().normalize(), String.valueOf(attributes.fileKey()),
					attributes.size(), attributes.lastModifiedTime());
		}

	}

}
