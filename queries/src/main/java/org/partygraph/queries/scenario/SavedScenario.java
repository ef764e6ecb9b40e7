package org.partygraph.queries.scenario;

import org.partygraph.queries.whatif.WhatIfReport;

/**
 * A scenario just saved, with the what-if report of its operations on the graph it was played on.
 *
 * @param scenario as saved
 * @param report the what-if report, made before the save was written
 */
public record SavedScenario(Scenario scenario, WhatIfReport report) {
}
