package org.partygraph.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users from configuration ({@code party-graph.security.users[i].*}), besides the built-in admin.
 * Passwords are stored hashed with their encoder's id, e.g. {@code {bcrypt}$2a$10$...} (make one with
 * {@code java -jar party-graph.jar hash-password}).
 *
 * @param users the configured users
 */
@ConfigurationProperties("party-graph.security")
public record UserProperties(List<User> users) {

	public UserProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
	}

	/**
	 * One user.
	 *
	 * @param name login name
	 * @param password the hashed password, with its encoder id prefix
	 * @param role what the user may do
	 * @param scope the org whose subtree the user sees and changes; empty for everything
	 */
	public record User(String name, String password, AccessRole role, String scope) {
	}

}
