package org.partygraph.api.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user with the org subtree they may see ({@code null} scope: everything). */
public class ScopedUser extends User {

	private final String scope;

	private final AccessRole role;

	public ScopedUser(String name, String password, AccessRole role, String scope,
			Collection<? extends GrantedAuthority> authorities) {
		super(name, password, authorities);
		this.role = role;
		this.scope = (scope == null || scope.isBlank()) ? null : scope;
	}

	public String scope() {
		return this.scope;
	}

	public AccessRole role() {
		return this.role;
	}

}
