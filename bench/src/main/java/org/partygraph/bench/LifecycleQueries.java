package org.partygraph.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The member-lifecycle reads of issue #21 (the development pipeline, first secretaries, members away),
 * timed by {@code LatencyBench --set lifecycle}. The peer has no such fields, so nothing is compared:
 * each query must answer without errors, then it is timed. Ids are the county's and one township's,
 * given on the command line, so the same set runs on the sample and on a generated county.
 */
public final class LifecycleQueries {

	private LifecycleQueries() {
	}

	/** The lifecycle set for a county and one of its townships; dates relative to today. */
	public static List<StandardQueries.Query> all(String county, String township) {
		String soon = LocalDate.now().plusMonths(3).toString();
		String yearAgo = LocalDate.now().minusYears(1).toString();
		return List.of(
				query("developmentPipeline (county: a row per township)", """
						query($c: ID!) { developmentPipeline(within: $c) { org { id } pipeline {
						  applicants activists developmentTargets probationers total } } }""", Map.of("c", county)),
				query("developmentPipeline (county, a year ago)", """
						query($c: ID!, $d: Date) { developmentPipeline(within: $c, asOf: $d) { org { id } pipeline {
						  applicants activists developmentTargets probationers total } } }""",
						Map.of("c", county, "d", yearAgo)),
				query("candidatesDue (county, next 3 months, first page)", """
						query($c: ID!, $b: Date!) { candidatesDue(within: $c, before: $b) {
						  candidate { id name stage } next earliest } }""", Map.of("c", county, "b", soon)),
				query("mobileMembersByTownship (county)", """
						query($c: ID!) { mobileMembersByTownship(within: $c) { township { id } away flowingIn } }""",
						Map.of("c", county)),
				query("firstSecretarySuggestions (county, 20)", """
						query($c: ID!) { firstSecretarySuggestions(within: $c, limit: 20) {
						  village { id } member { id } by { id } score needs reasons } }""", Map.of("c", county)),
				query("township's orgs with first secretaries, pipeline, away and flowing in", """
						query($t: ID!) { orgs(filter: {within: $t}, sort: {field: ID}, first: 100) { totalCount edges { node {
						  id firstSecretaries { member { id } from by { id } }
						  pipeline { applicants activists developmentTargets probationers }
						  membersAway { member { id } at { id } } flowingIn { member { id } home { id } } } } } }""",
						Map.of("t", township)),
				query("village orgs without a first secretary (county)", """
						query($c: ID!) { orgs(filter: {within: $c, hasFirstSecretary: false}, first: 100) {
						  totalCount edges { node { id } } } }""", Map.of("c", county)));
	}

	private static StandardQueries.Query query(String name, String text, Map<String, Object> variables) {
		return new StandardQueries.Query(name, text, variables, null, null, null, null);
	}

}
