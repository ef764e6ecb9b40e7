package org.partygraph.queries.scenario;

import java.util.List;

import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.whatif.Operation;

/**
 * A scenario that would fix one compliance issue, ready to pass to whatIf or saveScenario.
 *
 * @param name a name for it, {@code fix-<RULE>-<orgId>}
 * @param within the scope it was suggested for
 * @param issue the issue
 * @param operations its fix
 */
public record SuggestedScenario(String name, String within, ComplianceIssue issue, List<Operation> operations) {

}
