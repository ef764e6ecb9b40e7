package org.partygraph.queries.history;

import org.partygraph.queries.read.ManagementLink;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.Office;
import org.partygraph.queries.read.OrgRow;

/**
 * An object of a past read ({@code asOf} on {@code org}, {@code orgs}, {@code member},
 * {@code members}): the row today's resolvers would read ({@code OrgRow}, {@code MemberRow},
 * {@code UnitRow}, {@code Office} or {@code ManagementLink}), as it stood on the view's day, and the
 * view every field under it answers from, so that the whole answer below a past root is of that day;
 * and the caller's authorities (role names), taken once at the root, for the fields that require a role.
 */
public record PastObject(PastView view, Object row, java.util.Set<String> authorities) {

	public PastObject {
		authorities = java.util.Set.copyOf(authorities);
	}

	/** Another object of the same read. */
	public PastObject with(Object otherRow) {
		return new PastObject(this.view, otherRow, this.authorities);
	}

	/** Whether the row lies in the view (units always do: they are public reference data). */
	public boolean inView() {
		if (this.row instanceof OrgRow org) {
			return this.view.visible(org.id());
		}
		if (this.row instanceof MemberRow member) {
			return this.view.member(member.id()) != null;
		}
		if (this.row instanceof Office office) {
			return this.view.visible(office.orgId()) && this.view.member(office.member().id()) != null;
		}
		if (this.row instanceof ManagementLink link) {
			return this.view.visible(link.manager().id());
		}
		return true;
	}

}
