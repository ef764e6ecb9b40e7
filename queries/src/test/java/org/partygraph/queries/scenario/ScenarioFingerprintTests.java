package org.partygraph.queries.scenario;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Org;
import org.partygraph.queries.SmallCounty;
import org.partygraph.queries.whatif.Operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The fingerprint, the stored operation text and the diff, without a database. */
class ScenarioFingerprintTests {

	private static final java.time.LocalDate DAY = java.time.LocalDate.of(2025, 5, 1);

	private static final List<Operation> OPS = List.of(Operation.electCommittee("sc-e"));

	@Test
	void operationsSurviveTheirJsonText() {
		List<Operation> ops = List.of(Operation.merge(List.of("a", "b"), "聯合"), Operation.transferMember("m", "t"),
				Operation.assignRole("m", "o", "SECRETARY"), Operation.upgrade("o", "GENERAL_BRANCH"),
				Operation.dispatch("m", "v", "t"), Operation.dispatch("m", "v", null), Operation.recall("m", "v"));
		String json = OperationsJson.write(ops);
		assertThat(json).startsWith("[{\"op\":\"MERGE\",\"orgs\":[\"a\",\"b\"],\"name\":\"聯合\"}");
		assertThat(OperationsJson.read(json)).isEqualTo(ops);
		assertThat(json).contains("{\"op\":\"DISPATCH\",\"org\":\"v\",\"member\":\"m\",\"target\":\"t\"}",
				"{\"op\":\"RECALL\",\"org\":\"v\",\"member\":\"m\"}");
	}

	@Test
	void theFingerprintReadsTheDispatchesOfWhatTheOperationsName() {
		Dataset county = ScenarioCounty.dataset();
		List<Operation> ops = List.of(Operation.dispatch("sc-e1", "sc-v", "sc-t"));
		String before = Fingerprint.of(county, "sc-county", ops);
		Dispatch other = new Dispatch("sc-d1", "sc-s1", DAY, null, "sc-t");
		assertThat(Fingerprint.of(county.withDuals(List.of(other), null), "sc-county", ops))
			.as("a dispatch of a member and to an org the operations do not name is not read")
			.isEqualTo(before);
		assertThat(Fingerprint.of(county.withDuals(List.of(new Dispatch("sc-e1", "sc-s1", DAY, null, "sc-t")), null),
				"sc-county", ops))
			.as("the member's")
			.isNotEqualTo(before);
		Dataset toVillage = county.withDuals(List.of(new Dispatch("sc-d1", "sc-v", DAY, null, "sc-t")), null);
		String sent = Fingerprint.of(toVillage, "sc-county", ops);
		assertThat(sent).as("the village's").isNotEqualTo(before);
		assertThat(Fingerprint.of(county.withDuals(List.of(new Dispatch("sc-d1", "sc-v", DAY, DAY.plusDays(3), "sc-t")),
				null), "sc-county", ops))
			.as("recalled since")
			.isNotEqualTo(sent);
	}

	@Test
	void theDiffFindsDispatchesBegunAndEnded() {
		Dataset county = ScenarioCounty.dataset();
		Dispatch open = new Dispatch("sc-d1", "sc-v", DAY, null, "sc-t");
		Dispatch ended = new Dispatch("sc-d1", "sc-v", DAY, DAY.plusDays(30), "sc-t");
		Dispatch added = new Dispatch("sc-e1", "sc-v", DAY.plusDays(30), null, "sc-npe");
		GraphDiff diff = GraphDiff.between(county.withDuals(List.of(open), null),
				county.withDuals(List.of(ended, added), null));
		assertThat(diff.recalled()).containsExactly(ended);
		assertThat(diff.dispatched()).containsExactly(added);
		assertThat(diff.isEmpty()).isFalse();
		assertThat(diff.changedMembers()).isEmpty();
		assertThat(GraphDiff.between(county.withDuals(List.of(open), null), county.withDuals(List.of(open), null))
			.isEmpty()).isTrue();
		assertThatIllegalStateException().as("a dispatch lost")
			.isThrownBy(() -> GraphDiff.between(county.withDuals(List.of(open), null), county));
	}

	@Test
	void theFingerprintIgnoresOrderAndOtherCountiesButNotTheScenariosCounty() {
		Dataset county = ScenarioCounty.dataset();
		Dataset both = merged(county, SmallCounty.dataset());
		String alone = Fingerprint.of(county, "sc-county", OPS);

		assertThat(alone).hasSize(64).isEqualTo(Fingerprint.of(reversed(county), "sc-county", OPS));
		assertThat(Fingerprint.of(both, "sc-county", OPS)).as("another county is not read").isEqualTo(alone);
		assertThat(Fingerprint.of(both, null, OPS)).isEqualTo(alone);

		List<Org> renamed = new ArrayList<>(county.orgs());
		renamed.set(1, renamed.get(1).withName("改名"));
		assertThat(Fingerprint.of(new Dataset(county.name(), county.units(), renamed, county.members()), "sc-county",
				OPS)).isNotEqualTo(alone);
		assertThat(Fingerprint.of(both, null, List.of(Operation.electCommittee("sc-e"), Operation.electCommittee("o-e1"))))
			.as("an operation naming the other county reads it too")
			.isNotEqualTo(alone);
	}

	/** Within a township: its subtree and the orgs above it count, a sibling's change does not. */
	@Test
	void aScopedScenarioReadsItsSubtreeAndWhatIsAboveIt() {
		Dataset county = ScenarioCounty.dataset();
		List<Operation> ops = List.of(Operation.electCommittee("sc-v"));
		String saved = Fingerprint.of(county, "sc-t", ops);
		assertThat(Fingerprint.of(renamed(county, "sc-e"), "sc-t", ops)).as("the other branch of the county")
			.isEqualTo(saved);
		assertThat(Fingerprint.of(renamed(county, "sc-npe"), "sc-t", ops)).isEqualTo(saved);
		for (String inside : List.of("sc-t", "sc-s2-g", "sc-county")) {
			assertThat(Fingerprint.of(renamed(county, inside), "sc-t", ops)).as(inside).isNotEqualTo(saved);
		}
		assertThat(Fingerprint.of(renamed(county, "sc-e"), "sc-county", ops)).as("a county-wide scenario")
			.isNotEqualTo(Fingerprint.of(county, "sc-county", ops));
		assertThat(Fingerprint.of(renamed(county, "sc-e"), "sc-t", List.of(Operation.electCommittee("sc-e"))))
			.as("an org named outside the scope reads its tree")
			.isNotEqualTo(Fingerprint.of(county, "sc-t", List.of(Operation.electCommittee("sc-e"))));
	}

	private static Dataset renamed(Dataset county, String orgId) {
		List<Org> orgs = county.orgs().stream().map((o) -> o.id().equals(orgId) ? o.withName(o.name() + "改") : o).toList();
		return new Dataset(county.name(), county.units(), orgs, county.members());
	}

	@Test
	void theDiffRefusesWhatAScenarioCannotWrite() {
		Dataset county = ScenarioCounty.dataset();
		List<org.partygraph.model.Unit> units = new ArrayList<>(county.units());
		units.remove(0);
		assertThatIllegalStateException()
			.isThrownBy(() -> GraphDiff.between(county, new Dataset(county.name(), units, county.orgs(), county.members())));
		assertThat(GraphDiff.between(county, reversed(county)).isEmpty()).isTrue();
	}

	private static Dataset merged(Dataset a, Dataset b) {
		List<org.partygraph.model.Unit> units = new ArrayList<>(a.units());
		units.addAll(b.units());
		List<Org> orgs = new ArrayList<>(a.orgs());
		orgs.addAll(b.orgs());
		List<org.partygraph.model.Member> members = new ArrayList<>(a.members());
		members.addAll(b.members());
		return new Dataset("both", units, orgs, members);
	}

	private static Dataset reversed(Dataset d) {
		return new Dataset("other name", reverse(d.units()), reverse(d.orgs()), reverse(d.members()));
	}

	private static <T> List<T> reverse(List<T> list) {
		List<T> copy = new ArrayList<>(list);
		java.util.Collections.reverse(copy);
		return copy;
	}

}
