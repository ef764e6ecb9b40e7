package org.partygraph.api.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified Bearer JWT into the same {@link ScopedUser} a configured user is, so every rule
 * (scope, personal fields, method security) applies unchanged. A token whose role or scope claim is
 * missing or unknown becomes an authentication without any role, which every path refuses with 403
 * and a message saying which claim is wrong (see {@link SecurityConfiguration}).
 */
class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

	private final JwtProperties properties;

	JwtUsers(JwtProperties properties) {
		this.properties = properties;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String name = Optional.ofNullable(jwt.getClaimAsString(this.properties.nameClaim()))
			.filter((n) -> !n.isBlank())
			.orElse(jwt.getSubject());
		if (name == null || name.isBlank()) {
			name = "(token without sub)";
		}
		Object roleValue = jwt.getClaims().get(this.properties.roleClaim());
		AccessRole role = role(roleValue);
		if (role == null) {
			return JwtAuthentication.refused(jwt, name, "The token's claim '" + this.properties.roleClaim() + "' "
					+ ((roleValue == null) ? "is missing" : "holds no known role (" + roleValue + ")")
					+ "; it must be one of " + Arrays.toString(AccessRole.values()));
		}
		Object scopeValue = jwt.getClaims().get(this.properties.scopeClaim());
		if (!(scopeValue instanceof String scope) || scope.isBlank()) {
			return JwtAuthentication.refused(jwt, name, "The token's claim '" + this.properties.scopeClaim() + "' "
					+ ((scopeValue == null) ? "is missing" : "is not an org id (" + scopeValue + ")")
					+ "; it must be the id of the org whose subtree the user sees, or '" + JwtProperties.EVERYTHING
					+ "' for everything");
		}
		String orgScope = JwtProperties.EVERYTHING.equals(scope.trim()) ? null : scope.trim();
		List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
		return new JwtAuthentication(jwt, new ScopedUser(name, "", role, orgScope, authorities), null);
	}

	/** The role a claim names: a string, or the highest of a list; {@code null} when none is known. */
	static AccessRole role(Object claim) {
		Collection<?> values = (claim instanceof Collection<?> list) ? list
				: (claim instanceof String s) ? List.of(s) : List.of();
		AccessRole highest = null;
		for (Object value : values) {
			AccessRole role = parse(String.valueOf(value));
			if (role != null && (highest == null || role.includes(highest))) {
				highest = role;
			}
		}
		return highest;
	}

	private static AccessRole parse(String value) {
		String name = value.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(AccessRole.values()).filter((r) -> r.name().equals(name)).findFirst().orElse(null);
	}

	/** A user from a verified token; {@code refusal} says why it may do nothing. */
	static final class JwtAuthentication extends AbstractAuthenticationToken {

		private final Jwt jwt;

		private final Object principal;

		private final String refusal;

		private JwtAuthentication(Jwt jwt, Object principal, String refusal) {
			super((principal instanceof ScopedUser user) ? user.getAuthorities() : List.of());
			this.jwt = jwt;
			this.principal = principal;
			this.refusal = refusal;
			setAuthenticated(true);
		}

		static JwtAuthentication refused(Jwt jwt, String name, String refusal) {
			return new JwtAuthentication(jwt, name, refusal);
		}

		String refusal() {
			return this.refusal;
		}

		@Override
		public Object getCredentials() {
			return this.jwt;
		}

		@Override
		public Object getPrincipal() {
			return this.principal;
		}

		@Override
		public String getName() {
			return (this.principal instanceof ScopedUser user) ? user.getUsername() : String.valueOf(this.principal);
		}

		@Override
		public String toString() {
			return "JwtAuthentication[" + getName() + ", " + getAuthorities().stream().map(Object::toString)
				.collect(Collectors.joining(",")) + "]";
		}

	}

}
