package org.partygraph.queries.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partygraph.queries.whatif.Operation;

/**
 * A restructuring saved under a name, stored apart from the live graph as a
 * {@code (:Scenario)} node.
 *
 * @param name its name, unique
 * @param within the scope org of its what-if, or {@code null} for everything
 * @param owner the scope root of who saved it, or {@code null} for everything: only a user whose
 * scope covers it (an unscoped user, or one whose subtree holds this org) sees, replaces, deletes or
 * applies it
 * @param operations the operations, in order
 * @param note what it is for, in words; may be {@code null}
 * @param savedAt when it was saved (last re-saved)
 * @param savedBy who saved it; may be {@code null}
 * @param fingerprint SHA-256 of the part of the live graph it reads, as it was when saved
 * @param appliedAt when it was applied to the live graph; {@code null} while it was not
 * @param appliedBy who applied it; may be {@code null}
 * @param savedSteps for each operation, what it did on the live graph when saved (one line or
 * more); what an applied scenario wrote
 * @param appliedOn the effective date of an applied scenario's changes; {@code null} while not applied
 * @param appliedReport the what-if report as it stood when it was applied (JSON of a
 * {@code WhatIfReport}); {@code null} while not applied (or applied before reports were kept)
 */
public record Scenario(String name, String within, String owner, List<Operation> operations, String note, Instant savedAt,
		String savedBy, String fingerprint, Instant appliedAt, String appliedBy, List<List<String>> savedSteps, LocalDate appliedOn, String appliedReport) {

	public Scenario {
		operations = List.copyOf(operations);
		savedSteps = savedSteps.stream().map(List::copyOf).toList();
	}

	public int operationCount() {
		return this.operations.size();
	}

	public boolean applied() {
		return this.appliedAt != null;
	}

}
