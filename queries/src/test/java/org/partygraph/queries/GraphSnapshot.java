package org.partygraph.queries;

import java.util.List;
import java.util.stream.Stream;

/** The whole stored graph as sorted lines of text, to compare two states exactly. */
public final class GraphSnapshot {

	private GraphSnapshot() {
	}

	public static List<String> take() {
		List<String> nodes = TestNeo4j.driver()
			.executableQuery("""
					MATCH (n) WHERE n:Org OR n:Unit OR n:Member
					WITH n, [k IN keys(n) | k + '=' + toString(n[k])] AS props
					RETURN labels(n)[0] + ' ' + n.id + ' ' + reduce(s = '', p IN props | s + p + ';') AS line
					""")
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("line").asString())
			.toList();
		List<String> relationships = TestNeo4j.driver()
			.executableQuery("""
					MATCH (a)-[r]->(b) WHERE a:Org OR a:Unit OR a:Member
					RETURN a.id + ' -' + type(r) + coalesce('(' + r.role + ')', '') + '-> ' + b.id AS line
					""")
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("line").asString())
			.toList();
		return Stream.concat(nodes.stream().map(GraphSnapshot::sortedProps), relationships.stream())
			.sorted()
			.toList();
	}

	// keys(n) has no fixed order, so the properties are sorted before comparing.
	private static String sortedProps(String line) {
		int space = line.indexOf(' ', line.indexOf(' ') + 1);
		String head = line.substring(0, space + 1);
		List<String> props = List.of(line.substring(space + 1).split(";")).stream().sorted().toList();
		return head + String.join(";", props);
	}

}
