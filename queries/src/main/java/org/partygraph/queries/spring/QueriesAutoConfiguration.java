package org.partygraph.queries.spring;

import java.time.Duration;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Logging;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.read.EventQueries;
import org.partygraph.queries.write.EventDates;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.bulk.BulkImportSettings;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.queries.limits.TimeLimitedDriver;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.history.PastReads;
import org.partygraph.queries.history.PastStructure;
import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.ChartQueries;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.CompiledReads;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.RosterQueries;
import org.partygraph.queries.read.SearchQueries;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.read.UnitQueries;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
import org.partygraph.queries.rules.Terms;
import org.partygraph.queries.read.TermQueries;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.scenario.ScenarioApplier;
import org.partygraph.queries.scenario.ScenarioReports;
import org.partygraph.queries.scenario.ScenarioStore;
import org.partygraph.queries.schema.Migrations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Wires the query classes to Boot's Neo4j {@link Driver}, so the application module uses them
 * without ever touching the driver; applies the schema migrations before anything reads.
 */
@AutoConfiguration(after = Neo4jAutoConfiguration.class)
@EnableConfigurationProperties(BulkImportSettings.class)
public class QueriesAutoConfiguration {

	/**
	 * The driver logs through SLF4J. Its default System.Logger path formats every Bolt message,
	 * parameters and all, before the log level is asked, and through Boot's JUL bridge DEBUG counts
	 * as enabled: a 10,000-row write was turned into text on every RUN (a tenth of a bulk import's
	 * CPU). SLF4J asks the level first.
	 */
	@Bean
	ConfigBuilderCustomizer partyGraphDriverLogging() {
		return (builder) -> builder.withLogging(Logging.slf4j());
	}

	/**
	 * Boot's driver bean, under every use of it (imports, migrations, and the time-limited view the
	 * query classes get): sessions go to {@code party-graph.database} (the server's default database
	 * when unset) and, for a cluster (see {@link SessionDefaults#causal(String, String)}), share one
	 * bookmark manager.
	 */
	@Bean
	static BeanPostProcessor sessionDefaults(Environment environment) {
		String database = environment.getProperty("party-graph.database");
		boolean causal = SessionDefaults.causal(environment.getProperty("party-graph.causal-consistency"),
				environment.getProperty("spring.neo4j.uri"));
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof Driver driver && !(bean instanceof SessionDefaults))
						? new SessionDefaults(driver, database, causal) : bean;
			}

		};
	}

	/**
	 * The dates of changes: today in {@code party-graph.time.zone} (default the JVM's zone), and up to
	 * {@code party-graph.time.max-future-days} (default 0) ahead.
	 */
	@Bean
	EventDates eventDates(Environment environment) {
		String zone = environment.getProperty("party-graph.time.zone");
		java.time.ZoneId zoneId;
		try {
			zoneId = (zone == null || zone.isBlank()) ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(zone);
		}
		catch (java.time.DateTimeException ex) {
			throw new IllegalArgumentException("party-graph.time.zone: not a time zone: '" + zone + "'", ex);
		}
		return new EventDates(java.time.Clock.system(zoneId),
				environment.getProperty("party-graph.time.max-future-days", Integer.class, 0));
	}

	@Bean
	SchemaReady schemaReady(Driver driver) {
		return new SchemaReady(new Migrations(driver).apply());
	}

	@Bean
	DatasetImporter datasetImporter(Driver driver, SchemaReady schemaReady, EventDates dates) {
		return new DatasetImporter(driver, dates);
	}

	/**
	 * The bulk path for large files; removes what an interrupted bulk import left behind as soon as
	 * it is made. Its settings: {@code party-graph.import.*} ({@link BulkImportSettings}).
	 */
	@Bean
	BulkImporter bulkImporter(Driver driver, SchemaReady schemaReady, BulkImportSettings settings, EventDates dates) {
		BulkImporter importer = new BulkImporter(driver, settings, dates);
		importer.cleanUp();
		return importer;
	}

	/**
	 * The driver the query classes use: every transaction limited to
	 * {@code party-graph.limits.database-timeout} (default 10s). Imports and migrations use the plain one.
	 */
	@Bean
	LimitedDriver limitedDriver(Driver driver, Environment environment) {
		Duration timeout = environment.getProperty(TimeLimitedDriver.PROPERTY, Duration.class,
				TimeLimitedDriver.DEFAULT_TIMEOUT);
		return new LimitedDriver(TimeLimitedDriver.of(driver, timeout), timeout);
	}

	@Bean
	DatasetExporter datasetExporter(LimitedDriver driver, SchemaReady schemaReady) {
		return new DatasetExporter(driver.driver());
	}

	@Bean
	org.partygraph.queries.dataset.DatasetHistory datasetHistory(LimitedDriver driver, SchemaReady schemaReady) {
		return new org.partygraph.queries.dataset.DatasetHistory(driver.driver());
	}

	@Bean
	OrgQueries orgQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new OrgQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	CompiledReads compiledReads(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new CompiledReads(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	MemberQueries memberQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new MemberQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	RosterQueries rosterQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new RosterQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	SearchQueries searchQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new SearchQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	ChartQueries chartQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new ChartQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	PatternQueries patternQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new PatternQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	StatisticsQueries statisticsQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener,
			SchemaReady schemaReady) {
		return new StatisticsQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	EventQueries eventQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new EventQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	OrgChanges orgChanges(LimitedDriver driver, SchemaReady schemaReady, EventDates dates) {
		return new OrgChanges(driver.driver(), dates);
	}

	@Bean
	RuleThresholds ruleThresholds(Environment environment) {
		RuleThresholds d = RuleThresholds.DEFAULTS;
		return new RuleThresholds(
				environment.getProperty("party-graph.rules.min-full-members", Integer.class, d.minFullMembers()),
				environment.getProperty("party-graph.rules.committee-full-members", Integer.class,
						d.committeeFullMembers()),
				environment.getProperty("party-graph.rules.branch-max-members", Integer.class, d.branchMaxMembers()),
				environment.getProperty("party-graph.rules.joint-branch-max-units", Integer.class,
						d.jointBranchMaxUnits()),
				environment.getProperty("party-graph.rules.primary-committee-members", Integer.class,
						d.primaryCommitteeMembers()),
				environment.getProperty("party-graph.rules.term-warning-months", Integer.class,
						environment.getProperty("party-graph.terms.warn-months", Integer.class,
								d.termWarningMonths())),
				environment.getProperty("party-graph.rules.probation-months", Integer.class, d.probationMonths()));
	}

	/**
	 * Committee terms: {@code party-graph.terms.<KIND>} years per kind (default 5, PARTY_GROUP none;
	 * 0 for none), judged against today in {@code party-graph.time.zone}.
	 */
	@Bean
	Terms terms(Environment environment, EventDates dates) {
		java.util.Map<OrgKind, Integer> years = Terms.defaultYears();
		for (OrgKind kind : OrgKind.values()) {
			// As the contract spells it (party-graph.terms.BRANCH), or in Spring's kebab case.
			String value = environment.getProperty("party-graph.terms." + kind.name(), environment
				.getProperty("party-graph.terms." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
			if (value != null) {
				try {
					years.put(kind, Integer.valueOf(value.trim()));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException(
							"party-graph.terms." + kind.name() + ": not a number of years: '" + value + "'", ex);
				}
			}
		}
		return new Terms(years, dates.clock());
	}

	@Bean
	org.partygraph.queries.read.DispatchQueries dispatchQueries(LimitedDriver driver,
			ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new org.partygraph.queries.read.DispatchQueries(driver.driver(),
				listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	org.partygraph.queries.read.ServingQueries servingQueries(LimitedDriver driver,
			ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new org.partygraph.queries.read.ServingQueries(driver.driver(),
				listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	org.partygraph.queries.whatif.FirstSecretarySuggestions firstSecretarySuggestions(LimitedDriver driver,
			DatasetExporter exporter, ComplianceQueries compliance,
			org.partygraph.queries.read.ServingQueries serving, SchemaReady schemaReady) {
		return new org.partygraph.queries.whatif.FirstSecretarySuggestions(
				new org.partygraph.queries.history.EventLogMarker(driver.driver()), exporter, compliance, serving);
	}

	@Bean
	org.partygraph.queries.read.AwayQueries awayQueries(LimitedDriver driver,
			ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new org.partygraph.queries.read.AwayQueries(driver.driver(),
				listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	org.partygraph.queries.read.CandidateQueries candidateQueries(LimitedDriver driver,
			ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new org.partygraph.queries.read.CandidateQueries(driver.driver(),
				listener.getIfAvailable(() -> StatementListener.NONE));
	}

	/**
	 * The spans of the development of new members: {@code party-graph.development.applicant-months},
	 * {@code activist-months}, {@code target-months}, {@code approval-months} and {@code min-age},
	 * with the 細則's defaults ({@link org.partygraph.queries.change.DevelopmentSpans#DEFAULT}).
	 */
	@Bean
	org.partygraph.queries.change.DevelopmentSpans developmentSpans(Environment environment) {
		org.partygraph.queries.change.DevelopmentSpans d = org.partygraph.queries.change.DevelopmentSpans.DEFAULT;
		return new org.partygraph.queries.change.DevelopmentSpans(
				environment.getProperty("party-graph.development.applicant-months", Integer.class, d.applicantMonths()),
				environment.getProperty("party-graph.development.activist-months", Integer.class, d.activistMonths()),
				environment.getProperty("party-graph.development.target-months", Integer.class, d.targetMonths()),
				environment.getProperty("party-graph.development.approval-months", Integer.class, d.approvalMonths()),
				environment.getProperty("party-graph.development.min-age", Integer.class, d.minAge()));
	}

	@Bean
	org.partygraph.queries.read.ProbationQueries probationQueries(LimitedDriver driver,
			ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new org.partygraph.queries.read.ProbationQueries(driver.driver(),
				listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	TermQueries termQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new TermQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	ComplianceQueries complianceQueries(DatasetExporter exporter, RuleThresholds thresholds, Terms terms) {
		return new ComplianceQueries(exporter, new RuleChecker(thresholds, terms), PatternFigures::of);
	}

	@Bean
	org.partygraph.queries.rules.KeptCompliance keptCompliance(LimitedDriver driver, ComplianceQueries compliance,
			SchemaReady schemaReady) {
		return new org.partygraph.queries.rules.KeptCompliance(driver.driver(), compliance, driver.timeout());
	}

	@Bean
	PastStructure pastStructure(LimitedDriver driver, SchemaReady schemaReady) {
		return new PastStructure(driver.driver(), driver.timeout());
	}

	@Bean
	PastReads pastReads(PastStructure past, RuleThresholds thresholds) {
		return new PastReads(past, new RuleChecker(thresholds));
	}

	@Bean
	ScenarioStore scenarioStore(LimitedDriver driver, DatasetExporter exporter, ComplianceQueries compliance) {
		return new ScenarioStore(driver.driver(), exporter, compliance);
	}

	@Bean
	ScenarioApplier scenarioApplier(LimitedDriver driver, DatasetExporter exporter, ComplianceQueries compliance,
			EventDates dates) {
		return new ScenarioApplier(driver.driver(), exporter, compliance, dates);
	}

	@Bean
	ScenarioReports scenarioReports(LimitedDriver driver, DatasetExporter exporter, ComplianceQueries compliance,
			ScenarioStore store) {
		return new ScenarioReports(driver.driver(), exporter, compliance, store);
	}

	@Bean
	UnitQueries unitQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new UnitQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	/**
	 * Holds the limited driver without being a second {@link Driver} bean, with its limit (the
	 * longest a write transaction can stay open: past reads look back that far for events).
	 */
	record LimitedDriver(Driver driver, Duration timeout) {
	}

}
