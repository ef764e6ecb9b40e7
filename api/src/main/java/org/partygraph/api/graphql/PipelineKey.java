package org.partygraph.api.graphql;

import java.time.LocalDate;

/**
 * One org's {@code pipeline} request: the day ({@code null} for today's read), whether of the
 * subtree, and the caller's scope root (a past day's probationers are read from the structure of
 * that scope). Requests with the same arguments are loaded together.
 */
record PipelineKey(String orgId, LocalDate asOf, boolean subtree, String scopeRoot) {

	/** The arguments without the org, which a batch shares. */
	PipelineKey arguments() {
		return new PipelineKey(null, this.asOf, this.subtree, this.scopeRoot);
	}

}
