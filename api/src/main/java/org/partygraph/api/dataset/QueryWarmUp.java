package org.partygraph.api.dataset;

import java.util.List;

import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.OrgQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the heaviest standard statements once in the background after start-up, so Neo4j has
 * planned them before the first analyst asks (a cold plan of the pattern query takes seconds).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "party-graph.warm-up", havingValue = "true", matchIfMissing = true)
class QueryWarmUp {

	private static final Logger logger = LoggerFactory.getLogger(QueryWarmUp.class);

	private final PatternQueries patterns;

	private final StatisticsQueries statistics;

	private final OrgQueries orgs;

	QueryWarmUp(PatternQueries patterns, StatisticsQueries statistics, OrgQueries orgs) {
		this.patterns = patterns;
		this.statistics = statistics;
		this.orgs = orgs;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(() -> {
			long started = System.nanoTime();
			try {
				this.patterns.summary(null);
				this.patterns.summary("");
				this.statistics.statistics("");
				this.orgs.memberCounts(List.of(""));
				logger.debug("Warmed up the standard queries in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				// Only a head start: a failure here shows again, with its real context, on the first request.
				logger.info("Query warm-up stopped: {}", ex.getMessage());
			}
		}, "query-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

}
