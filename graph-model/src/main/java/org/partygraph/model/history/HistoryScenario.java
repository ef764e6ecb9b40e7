package org.partygraph.model.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A saved what-if scenario (docs/contract.md section 2), as stored: its operations and what its
 * saving kept, and for an applied one, who applied it, when, its effective day and the report it
 * had then. Carried by the history file so that export → import keeps applied scenarios' reports
 * (the events an apply wrote name the scenario).
 *
 * @param name the scenario's name, its key
 * @param within the org whose subtree it was planned in; {@code null} for everything
 * @param owner the scope root of whoever saved it; {@code null} for everything
 * @param operations the operations as the store keeps them (JSON text)
 * @param operationCount how many operations
 * @param note the saver's note, or {@code null}
 * @param savedAt when it was saved
 * @param savedBy who saved it, or {@code null}
 * @param fingerprint what the save read of the live graph, as kept, or {@code null}
 * @param steps the played-out steps as kept (JSON text), or {@code null}
 * @param appliedAt when it was applied; {@code null} when not applied
 * @param appliedBy who applied it, or {@code null}
 * @param appliedOn the apply's effective day, or {@code null}
 * @param appliedReport the report it had when applied (JSON text), or {@code null}
 */
public record HistoryScenario(String name, String within, String owner, String operations, long operationCount,
		String note, Instant savedAt, String savedBy, String fingerprint, String steps, Instant appliedAt,
		String appliedBy, LocalDate appliedOn, String appliedReport) {
}
