package org.partygraph.queries.spring;

import java.time.Duration;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Logging;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.bulk.BulkImportSettings;
import org.partygraph.queries.dataset.bulk.BulkImporter;
import org.partygraph.queries.limits.TimeLimitedDriver;
import org.partygraph.queries.pattern.PatternFigures;
import org.partygraph.queries.pattern.PatternQueries;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.ChartQueries;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.SearchQueries;
import org.partygraph.queries.read.StatementListener;
import org.partygraph.queries.read.UnitQueries;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;
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

	@Bean
	SchemaReady schemaReady(Driver driver) {
		return new SchemaReady(new Migrations(driver).apply());
	}

	@Bean
	DatasetImporter datasetImporter(Driver driver, SchemaReady schemaReady) {
		return new DatasetImporter(driver);
	}

	/**
	 * The bulk path for large files; removes what an interrupted bulk import left behind as soon as
	 * it is made. Its settings: {@code party-graph.import.*} ({@link BulkImportSettings}).
	 */
	@Bean
	BulkImporter bulkImporter(Driver driver, SchemaReady schemaReady, BulkImportSettings settings) {
		BulkImporter importer = new BulkImporter(driver, settings);
		importer.cleanUp();
		return importer;
	}

	/**
	 * The driver the query classes use: every transaction limited to
	 * {@code party-graph.limits.database-timeout} (default 10s). Imports and migrations use the plain one.
	 */
	@Bean
	LimitedDriver limitedDriver(Driver driver, Environment environment) {
		return new LimitedDriver(TimeLimitedDriver.of(driver,
				environment.getProperty(TimeLimitedDriver.PROPERTY, Duration.class, TimeLimitedDriver.DEFAULT_TIMEOUT)));
	}

	@Bean
	DatasetExporter datasetExporter(LimitedDriver driver, SchemaReady schemaReady) {
		return new DatasetExporter(driver.driver());
	}

	@Bean
	OrgQueries orgQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new OrgQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
	}

	@Bean
	MemberQueries memberQueries(LimitedDriver driver, ObjectProvider<StatementListener> listener, SchemaReady schemaReady) {
		return new MemberQueries(driver.driver(), listener.getIfAvailable(() -> StatementListener.NONE));
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
	OrgChanges orgChanges(LimitedDriver driver, SchemaReady schemaReady) {
		return new OrgChanges(driver.driver());
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
						d.primaryCommitteeMembers()));
	}

	@Bean
	ComplianceQueries complianceQueries(DatasetExporter exporter, RuleThresholds thresholds) {
		return new ComplianceQueries(exporter, new RuleChecker(thresholds), PatternFigures::of);
	}

	@Bean
	ScenarioStore scenarioStore(LimitedDriver driver, DatasetExporter exporter, ComplianceQueries compliance) {
		return new ScenarioStore(driver.driver(), exporter, compliance);
	}

	@Bean
	ScenarioApplier scenarioApplier(LimitedDriver driver, DatasetExporter exporter, ComplianceQueries compliance) {
		return new ScenarioApplier(driver.driver(), exporter, compliance);
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

	/** Holds the limited driver without being a second {@link Driver} bean. */
	record LimitedDriver(Driver driver) {
	}

}
