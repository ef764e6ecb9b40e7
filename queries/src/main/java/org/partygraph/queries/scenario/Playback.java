package org.partygraph.queries.scenario;

import java.util.ArrayList;
import java.util.List;

import org.partygraph.model.Dataset;
import org.partygraph.queries.limits.TimeBudget;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.InvalidOperationException;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.OperationScope;
import org.partygraph.queries.whatif.WorkingCopy;

/**
 * A scenario's operations played out on the what-if engine's working copy, keeping what the report
 * does not: the whole graph after, and what each step did.
 *
 * @param before the copy played on
 * @param after the same after every operation
 * @param created ids of the orgs the operations created
 * @param dissolved ids of the orgs of {@code before} that are gone
 * @param steps for each operation, in order, what it did (one line or more), in English
 * @param stepTexts the same as texts of the bundles, to say in any language
 * @param newOrgs the id each CREATE_ORG gave its org ({@code new-<index>}), by the operation's index
 */
public record Playback(Dataset before, Dataset after, List<String> created, List<String> dissolved,
		List<List<String>> steps, java.util.Map<Integer, String> newOrgs, List<List<Text>> stepTexts) {

	/**
	 * Plays the operations as {@code WhatIfEngine.run} does, failing at the same operation with the
	 * same message.
	 * @throws InvalidOperationException naming the first operation that cannot be applied
	 */
	public static Playback of(Dataset before, String withinOrgId, List<Operation> operations, int minFullMembers) {
		return of(before, withinOrgId, operations, minFullMembers, OperationScope.EVERYTHING);
	}

	/**
	 * Plays the operations as a caller with the given scope may: what they name outside it fails as
	 * an id that does not exist would (see {@link OperationScope}).
	 * @throws InvalidOperationException naming the first operation that cannot be applied
	 */
	public static Playback of(Dataset before, String withinOrgId, List<Operation> operations, int minFullMembers,
			OperationScope scope) {
		return of(before, withinOrgId, operations, minFullMembers, scope, null);
	}

	/**
	 * Plays the operations as {@link #of(Dataset, String, List, int, OperationScope)} does, on the
	 * given day ({@code null}: today): a DISPATCH begins on it, a RECALL ends a dispatch on it.
	 * @throws InvalidOperationException naming the first operation that cannot be applied
	 */
	public static Playback of(Dataset before, String withinOrgId, List<Operation> operations, int minFullMembers,
			OperationScope scope, java.time.LocalDate day) {
		WorkingCopy copy = new WorkingCopy(before, minFullMembers, scope, day);
		List<List<String>> steps = new ArrayList<>();
		List<List<Text>> stepTexts = new ArrayList<>();
		for (int i = 0; i < operations.size(); i++) {
			TimeBudget.checkpoint("playing operations[" + i + "] (" + operations.get(i).op() + ")");
			int done = copy.changes().size();
			copy.apply(i, operations.get(i), withinOrgId);
			if (withinOrgId != null && !copy.hasOrg(withinOrgId)) {
				throw new InvalidOperationException(i, operations.get(i).op(),
						Text.of("whatif.removesScope", withinOrgId));
			}
			steps.add(List.copyOf(copy.changes().subList(done, copy.changes().size())));
			stepTexts.add(List.copyOf(copy.changeTexts().subList(done, copy.changeTexts().size())));
		}
		return new Playback(before, copy.toDataset(), List.copyOf(copy.created()), List.copyOf(copy.dissolved()),
				List.copyOf(steps), java.util.Map.copyOf(copy.newOrgs()), List.copyOf(stepTexts));
	}

}
