package org.partygraph.api.security;

/**
 * What a user may do, each role including the ones below it: VIEWER sees structure and
 * aggregates; ANALYST also member names and what-if; ORG_ADMIN also changes and personal data;
 * ADMIN also imports and everything everywhere.
 */
public enum AccessRole {

	// Lowest first: a role includes every role declared before it.
	VIEWER, ANALYST, ORG_ADMIN, ADMIN;

	/** Whether this role may do what {@code other} may. */
	public boolean includes(AccessRole other) {
		return ordinal() >= other.ordinal();
	}

	/** The Spring Security role hierarchy, highest first. */
	static String hierarchy() {
		return "ROLE_ADMIN > ROLE_ORG_ADMIN\nROLE_ORG_ADMIN > ROLE_ANALYST\nROLE_ANALYST > ROLE_VIEWER";
	}

}
