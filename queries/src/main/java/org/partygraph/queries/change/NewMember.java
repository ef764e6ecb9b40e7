package org.partygraph.queries.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Trade;

/**
 * A member to add ({@link OrgChanges#addMember}), with the fields of {@code members[]} in the
 * dataset format.
 *
 * @param id unused by any org, unit or member
 * @param name full name
 * @param status FULL or PROBATIONARY
 * @param org the membership org; never a PARTY_GROUP
 * @param unit the unit the member works or lives in, or {@code null}
 * @param trade the member's trade, or {@code null}
 * @param gender or {@code null}
 * @param birthDate or {@code null}
 * @param joined date of joining the party, or {@code null}
 * @param idNumber or {@code null}
 * @param phone or {@code null}
 * @param group a PARTY_GROUP directly under {@code org}, or {@code null}
 * @param roles offices held; {@code null} means none
 * @param participatesIn orgs whose activities the member joins; {@code null} means none
 */
public record NewMember(String id, String name, MemberStatus status, String org, String unit, Trade trade,
		Gender gender, LocalDate birthDate, LocalDate joined, String idNumber, String phone, String group,
		List<RoleAssignment> roles, List<String> participatesIn) {

	public NewMember {
		// Not List.copyOf: a null entry is a problem to report, not a NullPointerException.
		roles = (roles != null) ? Collections.unmodifiableList(new ArrayList<>(roles)) : List.of();
		participatesIn = (participatesIn != null) ? Collections.unmodifiableList(new ArrayList<>(participatesIn))
				: List.of();
	}

	/** A member with only the required fields. */
	public static NewMember of(String id, String name, MemberStatus status, String org) {
		return new NewMember(id, name, status, org, null, null, null, null, null, null, null, null, List.of(),
				List.of());
	}

	/** Every org the member links to: its org, group, offices and participation ({@code null}s kept). */
	List<String> referencedOrgs() {
		List<String> orgs = new ArrayList<>();
		orgs.add(this.org);
		orgs.add(this.group);
		this.roles.stream().filter(Objects::nonNull).map(RoleAssignment::org).forEach(orgs::add);
		orgs.addAll(this.participatesIn);
		return orgs;
	}

}
