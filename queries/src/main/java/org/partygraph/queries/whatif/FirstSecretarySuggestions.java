package org.partygraph.queries.whatif;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.partygraph.queries.dataset.DatasetExporter;
import org.partygraph.queries.history.EventLogMarker;
import org.partygraph.queries.read.ServingQueries;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.ComplianceQueries;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.rules.Severity;
import org.partygraph.queries.structure.Structure;
import org.partygraph.queries.whatif.FirstSecretaryMatcher.Suggestion;

/**
 * The first-secretary suggestions ({@link FirstSecretaryMatcher}) with their input kept between
 * calls: the scope's structure, the rule check of the villages' subtree (ERROR rules) and who
 * serves on the day. The input is kept per (scope root, within, day, event-log marker,
 * {@link EventLogMarker}): every write records an event, so a repeated call costs one marker
 * statement and the match in memory until something changes. The last {@value #CACHE_SIZE} inputs
 * of the current marker are kept (those of an earlier marker are dropped when a new one is seen),
 * inputs of one scope root share its structure, and callers asking for the same input at once wait
 * for one computation of it.
 */
public final class FirstSecretarySuggestions {

	/** How many inputs are kept. */
	public static final int CACHE_SIZE = 8;

	private static final Set<Rule> ERRORS = errorRules();

	private final EventLogMarker marker;

	private final DatasetExporter exporter;

	private final ComplianceQueries compliance;

	private final ServingQueries serving;

	private final Map<Key, FutureTask<Input>> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, FutureTask<Input>> eldest) {
			return size() > CACHE_SIZE;
		}

	};

	private int computed;

	public FirstSecretarySuggestions(EventLogMarker marker, DatasetExporter exporter, ComplianceQueries compliance,
			ServingQueries serving) {
		this.marker = marker;
		this.exporter = exporter;
		this.compliance = compliance;
		this.serving = serving;
	}

	/**
	 * The suggestions for the villages of {@code within}'s subtree, senders from the caller's scope.
	 * @param scopeRoot the caller's scope root (its tree is read; {@code null}: everything)
	 * @param within the villages' subtree (inside the scope)
	 * @param day the day whose first secretaries serve
	 * @param weakBelowFullMembers a village with fewer full members is weak (0: never)
	 * @param limit at most this many suggestions
	 */
	public List<Suggestion> suggest(String scopeRoot, String within, LocalDate day, int weakBelowFullMembers,
			int limit) {
		Input input = input(new Key(scopeRoot, within, day, this.marker.read()));
		return new FirstSecretaryMatcher(input.structure(), weakBelowFullMembers).match(within, input.issues(),
				input.served(), input.busy(), limit);
	}

	/** How many inputs were computed rather than taken from the cache (for tests and measurements). */
	public int computed() {
		synchronized (this.cache) {
			return this.computed;
		}
	}

	private Input input(Key key) {
		FutureTask<Input> task;
		boolean mine = false;
		synchronized (this.cache) {
			task = this.cache.get(key);
			if (task == null) {
				// The log only grows, so an input kept under another marker cannot be asked for again.
				this.cache.keySet().removeIf((k) -> !k.marker().equals(key.marker()));
				Structure shared = sharedStructure(key);
				task = new FutureTask<>(() -> compute(key, shared));
				this.cache.put(key, task);
				this.computed++;
				mine = true;
			}
		}
		if (mine) {
			task.run();
		}
		try {
			return task.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the suggestions' input", ex);
		}
		catch (ExecutionException ex) {
			synchronized (this.cache) {
				this.cache.remove(key, task);
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * The structure of an input kept for the same scope root and marker (another within or day),
	 * to share rather than read again; {@code null} when none is ready. Called holding the cache.
	 */
	private Structure sharedStructure(Key key) {
		for (Map.Entry<Key, FutureTask<Input>> kept : this.cache.entrySet()) {
			FutureTask<Input> task = kept.getValue();
			if (java.util.Objects.equals(kept.getKey().scopeRoot(), key.scopeRoot()) && task.isDone()
					&& !task.isCancelled()) {
				try {
					return task.get().structure();
				}
				catch (InterruptedException | ExecutionException ex) {
					// a failed computation shares nothing
				}
			}
		}
		return null;
	}

	/** Read after the marker, so the input is at least as new as the marker it is kept under. */
	private Input compute(Key key, Structure shared) {
		Structure structure = (shared != null) ? shared : Structure.of(this.exporter.snapshot(key.scopeRoot()));
		List<ComplianceIssue> issues = this.compliance.issues(structure, key.within(), ERRORS);
		Set<String> served = new HashSet<>();
		Set<String> busy = new HashSet<>();
		for (ServingQueries.Serving s : this.serving.on(key.day())) {
			served.add(s.village());
			busy.add(s.member());
		}
		return new Input(structure, List.copyOf(issues), Set.copyOf(served), Set.copyOf(busy));
	}

	private static Set<Rule> errorRules() {
		Set<Rule> errors = EnumSet.noneOf(Rule.class);
		for (Rule rule : Rule.values()) {
			if (rule.severity() == Severity.ERROR) {
				errors.add(rule);
			}
		}
		return errors;
	}

	private record Key(String scopeRoot, String within, LocalDate day, String marker) {
	}

	private record Input(Structure structure, List<ComplianceIssue> issues, Set<String> served, Set<String> busy) {
	}

}
