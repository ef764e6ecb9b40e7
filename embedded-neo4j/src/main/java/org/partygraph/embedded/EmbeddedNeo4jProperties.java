package org.partygraph.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded database ({@code party-graph.*}).
 *
 * @param dataDir where the store lives ({@code party-graph.data-dir}, default {@code ./data})
 * @param embedded Bolt port, password and memory of the embedded instance
 */
@ConfigurationProperties("party-graph")
public record EmbeddedNeo4jProperties(String dataDir, Embedded embedded) {

	public EmbeddedNeo4jProperties {
		dataDir = (dataDir != null) ? dataDir : "./data";
		embedded = (embedded != null) ? embedded : new Embedded(null, null, null, null);
	}

	/**
	 * {@code party-graph.embedded.*}.
	 *
	 * @param enabled set {@code false} to never start the embedded database
	 * @param boltPort port on 127.0.0.1, default 7687; 0 picks a free one
	 * @param password password of user {@code neo4j}; generated and kept when unset
	 * @param pageCache page cache size, default {@code 256m}
	 */
	public record Embedded(Boolean enabled, Integer boltPort, String password, String pageCache) {

		public Embedded {
			enabled = (enabled != null) ? enabled : Boolean.TRUE;
			boltPort = (boltPort != null) ? boltPort : 7687;
			pageCache = (pageCache != null) ? pageCache : "256m";
		}

	}

}
