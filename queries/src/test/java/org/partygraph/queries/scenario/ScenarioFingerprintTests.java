package org.partygraph.queries.scenario;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.Org;
import org.partygraph.queries.SmallCounty;
import org.partygraph.queries.whatif.Operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The fingerprint, the stored operation text and the diff, without a database. */
class ScenarioFingerprintTests {

	private static final List<Operation> OPS = List.of(Operation.electCommittee("sc-e"));

	@Test
	void operationsSurviveTheirJsonText() {
		List<Operation> ops = List.of(Operation.merge(List.of("a", "b"), "聯合"), Operation.transferMember("m", "t"),
				Operation.assignRole("m", "o", "SECRETARY"), Operation.upgrade("o", "GENERAL_BRANCH"));
		String json = OperationsJson.write(ops);
		assertThat(json).startsWith("[{\"op\":\"MERGE\",\"orgs\":[\"a\",\"b\"],\"name\":\"聯合\"}");
		assertThat(OperationsJson.read(json)).isEqualTo(ops);
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
