package org.partygraph.api.dataset;

import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.seed.HuairenCounty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the sample county into an empty embedded store before the server takes requests, so the
 * first thing a newcomer sees is real data. Never touches an external database, and never runs
 * in the one-shot {@code import}/{@code export} commands (they start no web application).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "party-graph.sample-data", havingValue = "true", matchIfMissing = true)
class SampleCountyLoader implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(SampleCountyLoader.class);

	private final DatasetImporter importer;

	private final DatasetExporter exporter;

	private final Environment environment;

	SampleCountyLoader(DatasetImporter importer, DatasetExporter exporter, Environment environment) {
		this.importer = importer;
		this.exporter = exporter;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.environment.containsProperty("spring.neo4j.uri")) {
			return;
		}
		if (!this.exporter.isEmpty()) {
			return;
		}
		// Dated the day the report describes, so that a past day after it (asOf) shows the county.
		ImportResult result = this.importer.importDataset(HuairenCounty.dataset(), (step, done, total) -> {
		}, HuairenCounty.REFERENCE_DATE, null);
		logger.info("Loaded the sample county '{}': {} nodes, {} relationships in {} ms", result.dataset(),
				result.nodes(), result.relationships(), result.millis());
	}

}
