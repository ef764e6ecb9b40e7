package org.partygraph.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.Unit;

/**
 * The dataset under construction, shared by the pattern builders: the one random source, the
 * item lists in the order they are added, and the member id sequence.
 *
 * <p>
 * Every draw goes through the one {@link SplittableRandom}, and builders run in a fixed order, so
 * the same seed always yields the same dataset.
 */
final class CountyDraft {

	private final SplittableRandom random;

	private final People people;

	private final List<Unit> units = new ArrayList<>();

	private final List<Org> orgs = new ArrayList<>();

	private final List<Member> members = new ArrayList<>();

	private final Set<String> ids = new HashSet<>();

	private int memberSequence;

	CountyDraft(long seed) {
		this.random = new SplittableRandom(seed);
		this.people = new People(this.random);
	}

	SplittableRandom random() {
		return this.random;
	}

	People people() {
		return this.people;
	}

	/** A number in [min, max], both inclusive. */
	int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	/** Whether an event of the given percent chance happens. */
	boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** Shuffles in place with the draft's random source (Collections.shuffle would need a Random). */
	<T> void shuffle(List<T> values) {
		for (int i = values.size() - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			values.set(j, values.set(i, values.get(j)));
		}
	}

	Unit add(Unit unit) {
		claim(unit.id());
		this.units.add(unit);
		return unit;
	}

	Org add(Org org) {
		claim(org.id());
		this.orgs.add(org);
		return org;
	}

	Member add(Member member) {
		claim(member.id());
		this.members.add(member);
		return member;
	}

	String nextMemberId() {
		this.memberSequence++;
		return String.format("m-%05d", this.memberSequence);
	}

	/** Starts enrolling members into {@code org}. */
	RosterBuilder roster(String org) {
		return new RosterBuilder(this, org);
	}

	Dataset toDataset(String name) {
		return new Dataset(name, this.units, this.orgs, this.members);
	}

	private void claim(String id) {
		if (!this.ids.add(id)) {
			// a builder bug, not bad input: fail loudly rather than write a dataset that will not load
			throw new IllegalStateException("duplicate id " + id);
		}
	}

}
