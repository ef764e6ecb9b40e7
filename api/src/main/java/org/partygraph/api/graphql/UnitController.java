package org.partygraph.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.read.SearchQueries;
import org.partygraph.queries.read.UnitFilter;
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

	private final SearchQueries search;

	private final CompiledFields compiled;

	public UnitController(UnitQueries units, SearchQueries search, CompiledFields compiled) {
		this.units = units;
		this.compiled = compiled;
		this.search = search;
	}

	@QueryMapping
	public Object unit(@Argument String id, DataFetchingEnvironment env) {
		if (this.compiled.enabled()) {
			return this.compiled.byId("Unit", id, env);
		}
		return this.units.byIds(List.of(id)).get(id);
	}

	@QueryMapping
	public Connection<?> units(@Argument UnitFilter filter, @Argument SortInput sort, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		if (this.compiled.enabled()) {
			return this.compiled.units((filter != null) ? filter : UnitFilter.ALL, SortInput.of(sort),
					Cursors.pageSize(first), Cursors.offsetAfter(after), env);
		}
		return Connection.of(this.search.units((filter != null) ? filter : UnitFilter.ALL, SortInput.of(sort),
				Cursors.pageSize(first), Cursors.offsetAfter(after)));
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, UnitRow> locatedIn(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.locatedIn(ids(units)));
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, List<UnitRow>> contains(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.contains(ids(units)));
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, List<OrgRow>> orgs(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.orgs(ids(units)));
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, UnitRow> industry(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.industries(ids(units)));
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, UnitRow> supplies(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.supplies(ids(units)));
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, List<UnitRow>> suppliedBy(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.suppliedBy(ids(units)));
	}

	@BatchMapping(typeName = "Unit")
	public Map<UnitRow, List<UnitRow>> adjacentTo(List<UnitRow> units) {
		return Batches.byKey(units, UnitRow::id, this.units.adjacent(ids(units)));
	}

	private static Set<String> ids(List<UnitRow> units) {
		return Batches.ids(units, UnitRow::id);
	}

}
