package org.partygraph.queries.write;

import java.util.HashMap;
import java.util.Map;

import org.partygraph.model.Unit;

/**
 * Unit nodes as every write path stores them: one property map ({@link #properties}), written in
 * batches by the imports ({@link Rows}).
 */
public final class Units {

	private Units() {
	}

	/**
	 * The stored properties of a unit node (its dataset apart): the kind as its name, the name with
	 * its search and sort keys, absent optional values left out.
	 */
	public static Map<String, Object> properties(Unit unit) {
		Map<String, Object> props = new HashMap<>();
		Properties.put(props, "id", unit.id());
		Properties.putName(props, unit.name());
		Properties.put(props, "kind", Properties.name(unit.kind()));
		Properties.put(props, "leading", unit.leading());
		Properties.put(props, "industryCluster", unit.industryCluster());
		Properties.put(props, "households", unit.households());
		Properties.put(props, "householdsDriven", unit.householdsDriven());
		return props;
	}

}
