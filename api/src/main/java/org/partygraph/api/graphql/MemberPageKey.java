package org.partygraph.api.graphql;

/** One org's page request; requests with the same arguments are loaded in one statement. */
record MemberPageKey(String orgId, boolean subtree, int first, String afterId) {

	/** The arguments without the org, which a batch shares. */
	MemberPageKey arguments() {
		return new MemberPageKey(null, this.subtree, this.first, this.afterId);
	}

}
