package org.partygraph.api.graphql;

import java.util.List;
import java.util.Map;

import org.partygraph.queries.read.UnitQueries;
import org.partygraph.queries.read.UnitRow;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Unit} type. */
@Controller
public class UnitController {

	private final UnitQueries units;

	public UnitController(UnitQueries units) {
		this.units = units;
	}

	@QueryMapping
	public UnitRow unit(@Argument String id) {
		return this.units.byIds(List.of(id)).get(id);
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, UnitRow> locatedIn(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.locatedIn(Batches.ids(units, UnitRow::id)));
	}

}
