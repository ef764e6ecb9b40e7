package org.partygraph.api.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.partygraph.api.graphql.NotFoundException;
import org.partygraph.queries.read.OrgQueries;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The org subtree the current user may see. Outside it an org or member answers exactly as one
 * that does not exist ({@link ScopeGuard} applies that to every field of every answer), and lists
 * and aggregates count only what is inside ({@link #within}). The visible ids of a scope are read
 * in one statement and kept for a few seconds (changes made through this service drop them at
 * once). Changes do not rely on this cache: they check their scope inside their own transaction.
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
		return view().org(orgId);
	}

	/**
	 * What the current user may see, as one snapshot: taken on the thread that serves the request,
	 * then usable anywhere (e.g. when a batch load completes on another thread).
	 */
	public View view() {
		return view(root());
	}

	/** What a user scoped to {@code root} (everything when {@code null}) may see. */
	public View view(String root) {
		return (root == null) ? View.EVERYTHING : new View(root, visibleIds(root));
	}

	/** The scope to run an aggregate in: the one asked for if visible, else the user's own. */
	public String within(String requested, String argument) {
		String root = root();
		if (requested == null) {
			return root;
		}
		if (!isVisible(requested)) {
			throw NotFoundException.noOrg(argument, requested);
		}
		return requested;
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

	/**
	 * The orgs one user may see: the subtree of {@code root} (whose ids are {@code orgIds}), or
	 * everything when {@code root} is {@code null}.
	 */
	public record View(String root, Set<String> orgIds) {

		static final View EVERYTHING = new View(null, Set.of());

		public boolean everything() {
			return this.root == null;
		}

		/** Whether the org is visible; {@code null} (no org) never is, except to a user who sees everything. */
		public boolean org(String orgId) {
			return this.root == null || (orgId != null && this.orgIds.contains(orgId));
		}

	}

}
