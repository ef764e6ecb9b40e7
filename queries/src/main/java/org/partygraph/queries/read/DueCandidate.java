package org.partygraph.queries.read;

import java.time.LocalDate;

import org.partygraph.model.CandidateStage;

/**
 * A candidate who may take the next step: {@code next} from {@code earliest} on, once the least
 * span of the present stage has passed ({@code party-graph.development.*}).
 */
public record DueCandidate(CandidateRow candidate, CandidateStage next, LocalDate earliest) {
}
