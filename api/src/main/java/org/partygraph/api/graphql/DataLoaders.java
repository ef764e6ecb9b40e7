package org.partygraph.api.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partygraph.queries.read.AwayQueries;
import org.partygraph.queries.read.Counted;
import org.partygraph.queries.read.MemberCounts;
import org.partygraph.queries.read.MemberPage;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Loaders shared by several fields (both member counts) or keyed by arguments (member pages), so
 * each level of a query stays one round trip; and the start-up check that every schema field is
 * mapped.
 */
@Configuration(proxyBeanMethods = false)
public class DataLoaders {

	public DataLoaders(BatchLoaderRegistry registry, OrgQueries orgs, MemberQueries members,
			AwayQueries away) {
		registry.forTypePair(String.class, MemberCounts.class)
			.withName("memberCounts")
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> orgs.memberCounts(ids)));
		registry.forTypePair(ChildrenKey.class, Counted.class)
			.withName("childLists")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadChildren(orgs, keys)));
		registry.forTypePair(String.class, List.class)
			.withName("coManagerLists")
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> new HashMap<>(orgs.coManagers(ids))));
		registry.forTypePair(String.class, List.class)
			.withName("offices")
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> new HashMap<>(orgs.offices(ids))));
		registry.forTypePair(DescendantsKey.class, List.class)
			.withName("descendants")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadDescendants(orgs, keys)));
		registry.forTypePair(String.class, String.class)
			.withName("orgDatasets")
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> new HashMap<>(orgs.datasets(ids))));
		// Every time away of each member (also at an org dissolved since): Member.awayAt under a past root
		registry.forTypePair(String.class, List.class)
			.withName("awayRecords")
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> new HashMap<>(away.ofMembers(ids))));
		registry.forTypePair(MemberPageKey.class, MemberPage.class)
			.withName("memberPages")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadPages(members, keys)));
	}

	// One statement per flavour asked for in the level (with counts, without), usually one.
	private static Map<ChildrenKey, Counted> loadChildren(OrgQueries orgs, Set<ChildrenKey> keys) {
		Map<ChildrenKey, Counted> result = new HashMap<>();
		keys.stream().collect(Collectors.partitioningBy(ChildrenKey::counted)).forEach((counted, group) -> {
			if (group.isEmpty()) {
				return;
			}
			List<String> ids = group.stream().map(ChildrenKey::orgId).toList();
			if (counted) {
				Counted<Map<String, List<OrgRow>>> found = orgs.childrenCounted(ids);
				group.forEach((key) -> {
					List<OrgRow> children = found.value().get(key.orgId());
					Map<String, MemberCounts> counts = new HashMap<>();
					children.forEach((c) -> counts.put(c.id(), found.counts().get(c.id())));
					result.put(key, new Counted<>(children, counts));
				});
			}
			else {
				Map<String, List<OrgRow>> found = orgs.children(ids);
				group.forEach((key) -> result.put(key, new Counted<>(found.get(key.orgId()), Map.of())));
			}
		});
		return result;
	}

	private static Map<DescendantsKey, List> loadDescendants(OrgQueries orgs, Set<DescendantsKey> keys) {
		Map<DescendantsKey, List> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy((k) -> String.valueOf(k.depth()))).forEach((depth, group) -> {
			Map<String, ? extends List<?>> found = orgs.descendants(group.stream().map(DescendantsKey::orgId).toList(),
					group.get(0).depth());
			group.forEach((key) -> result.put(key, found.get(key.orgId())));
		});
		return result;
	}

	private static Map<MemberPageKey, MemberPage> loadPages(MemberQueries members, Set<MemberPageKey> keys) {
		Map<MemberPageKey, MemberPage> result = new HashMap<>();
		Map<MemberPageKey, List<MemberPageKey>> byArguments = keys.stream()
			.collect(Collectors.groupingBy(MemberPageKey::arguments));
		byArguments.forEach((arguments, group) -> {
			Map<String, MemberPage> pages = members.pages(group.stream().map(MemberPageKey::orgId).toList(),
					arguments.subtree(), arguments.first(), arguments.afterId());
			group.forEach((key) -> result.put(key, pages.get(key.orgId())));
		});
		return result;
	}

	/** Parsed and validated queries, kept for the next request that sends the same text. */
	@Bean
	PreparsedDocuments preparsedDocuments() {
		return new PreparsedDocuments(1000);
	}

	@Bean
	GraphQlSourceBuilderCustomizer keepPreparsedDocuments(PreparsedDocuments documents) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

	/** Fails start-up (and so the build's tests) when a schema field has no data fetcher. */
	@Bean
	GraphQlSourceBuilderCustomizer failOnUnmappedFields() {
		return (builder) -> builder.inspectSchemaMappings((report) -> {
			if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()) {
				throw new IllegalStateException("GraphQL schema and controllers disagree: " + report);
			}
		});
	}

}
