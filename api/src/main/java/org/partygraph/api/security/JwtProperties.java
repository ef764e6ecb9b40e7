package org.partygraph.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a Bearer JWT maps onto a user ({@code party-graph.security.jwt.*}), used when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location} is set.
 *
 * @param roleClaim the claim holding the role: VIEWER, ANALYST, ORG_ADMIN or ADMIN (case ignored), or
 * a list of them (the highest counts). Missing or unknown: every request is refused with 403.
 * @param scopeClaim the claim holding the org id whose subtree the user sees, or {@code *} for
 * everything. Missing: every request is refused with 403 (a token must say its scope).
 * @param nameClaim the claim holding the user name (shown as who saved or applied a scenario);
 * {@code sub} when the token has none
 */
@ConfigurationProperties("party-graph.security.jwt")
public record JwtProperties(@DefaultValue("party_graph_role") String roleClaim,
		@DefaultValue("party_graph_scope") String scopeClaim, @DefaultValue("name") String nameClaim) {

	/** The scope claim's value for "the whole graph". */
	public static final String EVERYTHING = "*";

}
