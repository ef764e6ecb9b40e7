package org.partygraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded database's password when none is configured: generated once and kept in
 * {@code <data-dir>/neo4j-password}, readable by its owner only, so analysts can log in with
 * Neo4j Browser or cypher-shell and no well-known password ever exists.
 */
public final class PasswordFile {

	/** The file name inside the data directory. */
	public static final String NAME = "neo4j-password";

	private PasswordFile() {
	}

	/** The configured password if there is one, else the kept one, else a new one now kept. */
	public static String resolve(Path dataDir, String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		Path file = dataDir.resolve(NAME);
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			PrivateDirectories.create(dataDir);
			String generated = generate();
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the file gets the platform's default protection.
				Files.createFile(file);
			}
			catch (FileAlreadyExistsException ex) {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			Files.writeString(file, generated, StandardCharsets.UTF_8);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the embedded Neo4j password in " + file, ex);
		}
	}

	static String generate() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
