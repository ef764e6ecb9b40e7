package org.partygraph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An RSA key pair made for this test run: its public key is the service's
 * {@code public-key-location}, and tokens signed with its private key (or another) are what an
 * identity provider would issue.
 */
public final class TestJwt {

	/** The key the service trusts. */
	public static final KeyPair TRUSTED = keyPair();

	private static Path publicKeyFile;

	private TestJwt() {
	}

	/** A PEM file with the trusted public key, written once per run. */
	public static synchronized Path publicKeyFile() {
		if (publicKeyFile == null) {
			try {
				Path file = Files.createTempFile("party-graph-jwt", ".pem");
				file.toFile().deleteOnExit();
				String pem = "-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
							.encodeToString(TRUSTED.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n";
				Files.writeString(file, pem, StandardCharsets.US_ASCII);
				publicKeyFile = file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return publicKeyFile;
	}

	/** A token with these claims valid for five minutes, signed with the trusted key. */
	public static String token(String subject, Map<String, Object> claims) {
		return token(TRUSTED, subject, claims, Instant.now().plus(Duration.ofMinutes(5)));
	}

	public static String token(KeyPair signer, String subject, Map<String, Object> claims, Instant expires) {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(expires.minus(Duration.ofMinutes(10))))
			.expirationTime(Date.from(expires));
		claims.forEach(set::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
		try {
			jwt.sign(new RSASSASigner(signer.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	public static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
