package org.partygraph.queries;

import java.util.List;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Org;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;

/**
 * A hand-built county small enough that every right answer is obvious.
 *
 * <pre>
 * o-county (COUNTY_COMMITTEE)
 * ├── o-hbt (TOWNSHIP_COMMITTEE)            set up in u-hbt
 * │   └── o-xz (GENERAL_BRANCH)             set up in u-xz;  member a1 FULL
 * │       └── o-xz-b (BRANCH, BREEDING)     members b1 FULL, b2 FULL, b3 PROBATIONARY
 * │           └── o-xz-g1 (PARTY_GROUP)     b1, b2 assigned
 * └── o-npe (WORKING_COMMITTEE)
 *     └── o-e1 (BRANCH)                     set up in u-e1; co-managed by o-hbt; member e1 FULL
 * </pre>
 */
public final class SmallCounty {

	private SmallCounty() {
	}

	public static Dataset dataset() {
		List<Unit> units = List.of(Unit.of("u-county", UnitKind.COUNTY, "小縣", null),
				Unit.of("u-hbt", UnitKind.TOWNSHIP, "海北頭鄉", "u-county"),
				Unit.of("u-xz", UnitKind.VILLAGE, "下寨村", "u-hbt"),
				new Unit("u-e1", UnitKind.ENTERPRISE, "某肉業公司", "u-hbt", null, null, null, null, true, null));
		List<Org> orgs = List.of(Org.of("o-county", OrgKind.COUNTY_COMMITTEE, "中共小縣委", null),
				Org.of("o-hbt", OrgKind.TOWNSHIP_COMMITTEE, "海北頭鄉黨委", "o-county").withUnits(List.of("u-hbt")),
				Org.of("o-xz", OrgKind.GENERAL_BRANCH, "下寨村黨總支", "o-hbt").withUnits(List.of("u-xz")),
				new Org("o-xz-b", OrgKind.BRANCH, "下寨村養殖行業黨支部", "o-xz", List.of(), List.of(),
						org.partygraph.model.Trade.BREEDING, false),
				Org.of("o-xz-g1", OrgKind.PARTY_GROUP, "第一黨小組", "o-xz-b"),
				Org.of("o-npe", OrgKind.WORKING_COMMITTEE, "非公經濟組織工委", "o-county"),
				Org.of("o-e1", OrgKind.BRANCH, "某肉業公司黨支部", "o-npe")
					.withUnits(List.of("u-e1"))
					.withCoManagedBy(List.of("o-hbt")));
		List<Member> members = List.of(Member.of("a1", "王一", MemberStatus.FULL, "o-xz"),
				Member.of("b1", "王二", MemberStatus.FULL, "o-xz-b").withGroup("o-xz-g1"),
				Member.of("b2", "王三", MemberStatus.FULL, "o-xz-b").withGroup("o-xz-g1"),
				Member.of("b3", "王四", MemberStatus.PROBATIONARY, "o-xz-b").withParticipatesIn(List.of("o-e1")),
				Member.of("e1", "李一", MemberStatus.FULL, "o-e1"));
		return new Dataset("小縣", units, orgs, members);
	}

}
