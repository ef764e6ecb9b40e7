package org.partygraph.queries.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partygraph.model.Dataset;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;
import org.partygraph.queries.write.Members;
import org.partygraph.queries.write.Orgs;
import org.partygraph.queries.write.Rows;
import org.partygraph.queries.write.Units;

/**
 * A dataset turned into parameter rows for {@code UNWIND} writes ({@link Rows}): node property maps
 * per label (units', orgs' and members' as {@link Units}, {@link Orgs} and {@link Members} make them) and
 * {@code from}/{@code to} pairs per relationship type. Enums become strings, dates stay dates
 * (the driver sends them as Neo4j {@code Date}).
 */
public final class GraphRows {

	/** Node property maps per label. */
	public final Map<GraphSchema.Label, List<Map<String, Object>>> nodes = new LinkedHashMap<>();

	/** {@code from}/{@code to} pairs (and a role's {@code role}) per relationship type. */
	public final Map<GraphSchema.Rel, List<Map<String, Object>>> relationships = new LinkedHashMap<>();

	private GraphRows() {
		for (GraphSchema.Label label : GraphSchema.Label.values()) {
			this.nodes.put(label, new ArrayList<>());
		}
		for (GraphSchema.Rel rel : GraphSchema.Rel.values()) {
			this.relationships.put(rel, new ArrayList<>());
		}
	}

	/** The rows of every unit, org and member of the dataset. */
	public static GraphRows of(Dataset dataset) {
		GraphRows rows = new GraphRows();
		for (Unit unit : dataset.units()) {
			rows.nodes.get(GraphSchema.Label.UNIT).add(Units.properties(unit));
			rows.link(GraphSchema.Rel.LOCATED_IN, unit.id(), unit.locatedIn());
			rows.link(GraphSchema.Rel.IN_INDUSTRY, unit.id(), unit.industry());
			rows.link(GraphSchema.Rel.SUPPLIES, unit.id(), unit.supplies());
			unit.adjacentTo().forEach((to) -> rows.link(GraphSchema.Rel.ADJACENT_TO, unit.id(), to));
		}
		for (Org org : dataset.orgs()) {
			rows.nodes.get(GraphSchema.Label.ORG).add(Orgs.properties(org));
			rows.link(GraphSchema.Rel.SUBORDINATE_TO, org.id(), org.parent());
			org.coManagedBy().forEach((to) -> rows.link(GraphSchema.Rel.CO_MANAGED_BY, org.id(), to));
			org.units().forEach((to) -> rows.link(GraphSchema.Rel.SET_UP_IN, org.id(), to));
		}
		for (Member member : dataset.members()) {
			rows.nodes.get(GraphSchema.Label.MEMBER).add(Members.properties(member));
			rows.link(GraphSchema.Rel.MEMBER_OF, member.id(), member.org());
			rows.link(GraphSchema.Rel.IN_GROUP, member.id(), member.group());
			rows.link(GraphSchema.Rel.WORKS_IN, member.id(), member.unit());
			member.participatesIn().forEach((to) -> rows.link(GraphSchema.Rel.PARTICIPATES_IN, member.id(), to));
			for (RoleAssignment role : member.roles()) {
				rows.relationships.get(GraphSchema.Rel.HOLDS).add(Rows.link(member.id(), role.org(), name(role.role())));
			}
		}
		return rows;
	}

	/** How many relationships a member's node starts. */
	public static int memberRelationships(Member member) {
		return 1 + ((member.group() != null) ? 1 : 0) + ((member.unit() != null) ? 1 : 0) + member.roles().size()
				+ member.participatesIn().size();
	}

	/** How many nodes the rows make. */
	public long nodeCount() {
		return this.nodes.values().stream().mapToLong(List::size).sum();
	}

	/** How many relationships the rows make. */
	public long relationshipCount() {
		return this.relationships.values().stream().mapToLong(List::size).sum();
	}

	private void link(GraphSchema.Rel rel, String from, String to) {
		if (to != null) {
			this.relationships.get(rel).add(Rows.link(from, to));
		}
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
