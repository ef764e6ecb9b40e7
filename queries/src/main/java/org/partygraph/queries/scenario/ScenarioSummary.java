package org.partygraph.queries.scenario;

/**
 * A saved scenario and whether the part of the live graph it reads changed since it was saved.
 *
 * @param scenario the scenario
 * @param liveChanged whether the live graph differs, in that part, from when it was saved
 */
public record ScenarioSummary(Scenario scenario, boolean liveChanged) {

}
