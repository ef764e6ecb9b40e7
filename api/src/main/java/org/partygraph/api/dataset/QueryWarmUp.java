package org.partygraph.api.dataset;

import java.util.List;

import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.rules.KeptCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the heaviest standard statements once in the background after start-up, so Neo4j has
 * planned them before the first analyst asks (a cold plan of the pattern query takes seconds); then
 * checks the setup rules of every county once ({@link KeptCompliance#warmUp}), so that the first
 * {@code complianceIssues} reads answers kept current instead of checking a whole province (about
 * 50 s for 120 counties on 2 cores, docs/benchmarks.md). Off with {@code party-graph.warm-up=false}.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "party-graph.warm-up", havingValue = "true", matchIfMissing = true)
class QueryWarmUp {

	private static final Logger logger = LoggerFactory.getLogger(QueryWarmUp.class);

	private final PatternQueries patterns;

	private final StatisticsQueries statistics;

	private final OrgQueries orgs;

	private final KeptCompliance compliance;

	QueryWarmUp(PatternQueries patterns, StatisticsQueries statistics, OrgQueries orgs, KeptCompliance compliance) {
		this.compliance = compliance;
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
				long checking = System.nanoTime();
				logger.info("Checking the setup rules of every county in the background (complianceIssues answers "
						+ "from what is kept once this is done)");
				int counties = this.compliance.warmUp();
				logger.info("Checked the setup rules of {} counties in {} ms", counties,
						(System.nanoTime() - checking) / 1_000_000);
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
