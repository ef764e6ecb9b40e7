package org.partygraph.api.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.partygraph.api.graphql.NotFoundException;
import org.partygraph.queries.read.OrgQueries;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The org subtree the current user may see and change. Outside it an org or member answers
 * exactly as one that does not exist, and lists and aggregates count only what is inside. The
 * visible ids of a scope are read in one statement and kept for a few seconds (changes drop them).
 */
@Component
public class Scope {

	private static final long TTL_NANOS = 10_000_000_000L;

	private final OrgQueries orgs;

	private final Map<String, Visible> cache = new ConcurrentHashMap<>();

	public Scope(OrgQueries orgs) {
		this.orgs = orgs;
	}

	/** The scope's root org, or {@code null} when the user sees everything. */
	public String root() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ScopedUser user) {
			return user.scope();
		}
		return null;
	}

	public boolean isVisible(String orgId) {
		String root = root();
		return root == null || (orgId != null && visibleIds(root).contains(orgId));
	}

	/** The scope to run an aggregate in: the one asked for if visible, else the user's own. */
	public String within(String requested, String argument) {
		String root = root();
		if (requested == null) {
			return root;
		}
		if (!isVisible(requested)) {
			throw new NotFoundException(argument + ": no org has id '" + requested + "'");
		}
		return requested;
	}

	/** Items whose org is visible. */
	public <T> List<T> filter(List<T> items, Function<T, String> orgId) {
		if (root() == null) {
			return items;
		}
		return items.stream().filter((item) -> isVisible(orgId.apply(item))).toList();
	}

	/** Per-key values whose org is visible (keys themselves are assumed visible). */
	public <K, T> Map<K, T> filterValues(Map<K, T> values, Function<T, String> orgId) {
		if (root() == null) {
			return values;
		}
		Map<K, T> result = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (isVisible(orgId.apply(v))) {
				result.put(k, v);
			}
		});
		return result;
	}

	/** Per-key lists with the invisible entries taken out. */
	public <K, T> Map<K, List<T>> filterLists(Map<K, List<T>> values, Function<T, String> orgId) {
		if (root() == null) {
			return values;
		}
		Map<K, List<T>> result = new LinkedHashMap<>();
		values.forEach((k, list) -> result.put(k, filter(list, orgId)));
		return result;
	}

	/** Whether every id is visible (for arguments of changes). */
	public boolean allVisible(Collection<String> orgIds) {
		return orgIds.stream().allMatch(this::isVisible);
	}

	/** Forgets the cached subtrees; called after every change to the structure. */
	public void changed() {
		this.cache.clear();
	}

	private Set<String> visibleIds(String root) {
		long now = System.nanoTime();
		Visible hit = this.cache.get(root);
		if (hit == null || now - hit.at() > TTL_NANOS) {
			hit = new Visible(this.orgs.subtreeIds(root), now);
			this.cache.put(root, hit);
		}
		return hit.ids();
	}

	private record Visible(Set<String> ids, long at) {
	}

}
