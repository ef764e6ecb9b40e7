package org.partygraph.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code admin} user's password: {@code party-graph.security.admin-password} when
 * set, else one generated on first start and kept in {@code <data-dir>/admin-password} (owner-only),
 * never a fixed well-known one.
 */
@Component
@ConditionalOnWebApplication
public class AdminPassword {

	private static final Logger logger = LoggerFactory.getLogger(AdminPassword.class);

	private final String value;

	public AdminPassword(@Value("${party-graph.security.admin-password:}") String configured,
			@Value("${party-graph.data-dir:./data}") String dataDir) {
		this.value = configured.isBlank() ? kept(Path.of(dataDir).toAbsolutePath().normalize().resolve("admin-password")) : configured;
	}

	public String value() {
		return this.value;
	}

	private static String kept(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] bytes = new byte[18];
				new SecureRandom().nextBytes(bytes);
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
				logger.warn("Generated a password for user 'admin' and kept it in {} (readable by you only). "
						+ "Set party-graph.security.admin-password to choose one.", file.toAbsolutePath());
			}
			else {
				logger.info("Log in as user 'admin' with the password kept in {}", file.toAbsolutePath());
			}
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the admin password in " + file, ex);
		}
	}

}
