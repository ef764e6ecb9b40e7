package org.partygraph.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers a verified user name and password (as a SHA-256 digest, never the password) for a short
 * while, so scripts sending HTTP Basic on every request do not pay a BCrypt hash (tens of
 * milliseconds of CPU) each time. Failed logins are never cached.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final long ttlNanos;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl) {
		this.delegate = delegate;
		this.ttlNanos = ttl.toNanos();
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String key = authentication.getName() + ":" + digest(String.valueOf(authentication.getCredentials()));
		Verified hit = this.verified.get(key);
		long now = System.nanoTime();
		if (hit != null && now - hit.at() < this.ttlNanos) {
			return hit.authentication();
		}
		Authentication result = this.delegate.authenticate(authentication);
		if (result != null && result.isAuthenticated()) {
			if (this.verified.size() > 10_000) {
				this.verified.clear();
			}
			this.verified.put(key, new Verified(result, now));
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String digest(String text) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Verified(Authentication authentication, long at) {
	}

}
