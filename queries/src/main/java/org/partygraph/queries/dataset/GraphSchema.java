package org.partygraph.queries.dataset;

/**
 * The labels and relationship types of the stored graph (docs/contract.md section 5). Cypher that
 * needs a label or type as text takes it from here, never from input.
 */
public final class GraphSchema {

	private GraphSchema() {
	}

	/** Node labels of dataset items. */
	public enum Label {

		UNIT("Unit"), ORG("Org"), MEMBER("Member");

		private final String cypher;

		Label(String cypher) {
			this.cypher = cypher;
		}

		public String cypher() {
			return this.cypher;
		}

	}

	/** Relationship types, with the labels they join. */
	public enum Rel {

		LOCATED_IN(Label.UNIT, Label.UNIT), IN_INDUSTRY(Label.UNIT, Label.UNIT), SUPPLIES(Label.UNIT, Label.UNIT),
		ADJACENT_TO(Label.UNIT, Label.UNIT),
		SUBORDINATE_TO(Label.ORG, Label.ORG), CO_MANAGED_BY(Label.ORG, Label.ORG), SET_UP_IN(Label.ORG, Label.UNIT),
		MEMBER_OF(Label.MEMBER, Label.ORG), IN_GROUP(Label.MEMBER, Label.ORG), WORKS_IN(Label.MEMBER, Label.UNIT),
		PARTICIPATES_IN(Label.MEMBER, Label.ORG), HOLDS(Label.MEMBER, Label.ORG);

		private final Label from;

		private final Label to;

		Rel(Label from, Label to) {
			this.from = from;
			this.to = to;
		}

		public Label from() {
			return this.from;
		}

		public Label to() {
			return this.to;
		}

	}

}
