package org.partygraph.queries.whatif;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.partygraph.model.Dataset;
import org.partygraph.model.OrgKind;
import org.partygraph.queries.rules.RuleChecker;
import org.partygraph.queries.rules.RuleThresholds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WhatIfReport#orgChanges()}: what the org chart after needs beside the chart before, on the
 * hand-built graphs of {@link WhatIfEngineTests}.
 */
class WhatIfOrgChangesTests {

	private final WhatIfEngine engine = new WhatIfEngine(new RuleChecker(RuleThresholds.DEFAULTS),
			(structure, within) -> List.of());

	private Map<String, WhatIfOrgChange> changes(Dataset before, String within, Operation... ops) {
		WhatIfReport report = this.engine.run(before, within, List.of(ops));
		return report.orgChanges()
			.stream()
			.collect(Collectors.toMap(WhatIfOrgChange::orgId, Function.identity()));
	}

	@Test
	void mergeAndMove() {
		Dataset before = WhatIfEngineTests.enterprises().dataset();
		WhatIfReport report = this.engine.run(before, null,
				List.of(Operation.merge(List.of("o-a", "o-b"), "甲乙公司聯合黨支部"), Operation.moveOrg("o-s", "o-t")));
		Map<String, WhatIfOrgChange> changes = report.orgChanges()
			.stream()
			.collect(Collectors.toMap(WhatIfOrgChange::orgId, Function.identity()));
		String joint = report.orgsCreated().get(0);

		assertThat(changes).containsOnlyKeys(joint, "o-a", "o-b", "o-a-g", "o-b-g", "o-s", "o-t", "o-npe");
		assertThat(changes.get(joint)).isEqualTo(new WhatIfOrgChange(joint, "甲乙公司聯合黨支部", OrgKind.JOINT_BRANCH, null,
				null, "o-npe", null, 4, null, true, false, false));
		assertThat(changes.get("o-a")).isEqualTo(new WhatIfOrgChange("o-a", "甲公司黨支部", OrgKind.BRANCH, "甲公司黨支部",
				OrgKind.BRANCH, null, "o-npe", null, 2, false, true, false));
		assertThat(changes.get("o-b").dissolved()).isTrue();
		// children of the merged orgs hang under the joint branch: moved
		assertThat(changes.get("o-a-g").moved()).isTrue();
		assertThat(changes.get("o-a-g").parentBefore()).isEqualTo("o-a");
		assertThat(changes.get("o-a-g").parent()).isEqualTo(joint);
		assertThat(changes.get("o-s")).isEqualTo(new WhatIfOrgChange("o-s", "丙公司黨支部", OrgKind.BRANCH, "丙公司黨支部",
				OrgKind.BRANCH, "o-t", "o-npe", 3, 3, false, false, true));
		// member counts through the subtree follow the move; the county's does not change
		assertThat(changes.get("o-t").moved()).isFalse();
		assertThat(changes.get("o-t").memberCountBefore()).isEqualTo(1);
		assertThat(changes.get("o-t").memberCount()).isEqualTo(4);
		assertThat(changes.get("o-npe").memberCountBefore()).isEqualTo(7);
		assertThat(changes.get("o-npe").memberCount()).isEqualTo(4);
		// the list agrees with the report's own lists
		assertThat(report.orgChanges().stream().filter(WhatIfOrgChange::created).map(WhatIfOrgChange::orgId))
			.containsExactlyElementsOf(report.orgsCreated());
		assertThat(report.orgChanges().stream().filter(WhatIfOrgChange::dissolved).map(WhatIfOrgChange::orgId))
			.containsExactlyInAnyOrderElementsOf(report.orgsDissolved());
	}

	@Test
	void withinItsScopeOnly() {
		Map<String, WhatIfOrgChange> changes = changes(WhatIfEngineTests.enterprises().dataset(), "o-npe",
				Operation.merge(List.of("o-a", "o-b"), "甲乙公司聯合黨支部"));
		assertThat(changes).doesNotContainKeys("o-c", "o-t", "o-t2", "o-s", "o-npe").containsKeys("o-a", "o-b", "o-a-g");
	}

	@Test
	void splitByTradeReKindsTheOrgAndCreatesItsTradeOrgsUnderIt() {
		Dataset before = WhatIfEngineTests.village().dataset();
		WhatIfReport report = this.engine.run(before, null, List.of(Operation.splitByTrade("o-v")));
		Map<String, WhatIfOrgChange> changes = report.orgChanges()
			.stream()
			.collect(Collectors.toMap(WhatIfOrgChange::orgId, Function.identity()));
		assertThat(changes.get("o-v")).isEqualTo(new WhatIfOrgChange("o-v", "下寨村黨支部", OrgKind.GENERAL_BRANCH,
				"下寨村黨支部", OrgKind.BRANCH, "o-t", "o-t", 12, 12, false, false, false));
		assertThat(report.orgsCreated()).hasSize(3)
			.allSatisfy((id) -> assertThat(changes.get(id).parent()).isEqualTo("o-v"));
		assertThat(report.orgsCreated().stream().mapToInt((id) -> changes.get(id).memberCount())).containsExactlyInAnyOrder(5, 3, 2);
		// the old party group loses b1 (moved out) and c1 (to the processing group); nothing else changes
		assertThat(changes.get("o-v-g1").memberCountBefore()).isEqualTo(3);
		assertThat(changes.get("o-v-g1").memberCount()).isEqualTo(1);
		assertThat(changes.get("o-v-g1").moved()).isFalse();
		assertThat(changes).hasSize(5);
	}

}
