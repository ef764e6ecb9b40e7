package org.partygraph.queries.scenario;

import java.util.List;

/**
 * What applying a scenario wrote to the live graph.
 *
 * @param scenario the scenario, now marked applied
 * @param orgsCreated ids of the orgs created
 * @param orgsChanged ids of the orgs whose properties or links were rewritten
 * @param orgsDissolved ids of the orgs deleted
 * @param membersChanged members whose membership, group, roles or participation were rewritten
 * @param transfers membership moves recorded as transfer history
 * @param newOrgIds for each org a CREATE_ORG made, its what-if id ({@code new-<index>}) and the id
 * it was stored under, in the operations' order
 */
public record AppliedScenario(Scenario scenario, List<String> orgsCreated, List<String> orgsChanged,
		List<String> orgsDissolved, int membersChanged, int transfers, java.util.Map<String, String> newOrgIds) {

}
