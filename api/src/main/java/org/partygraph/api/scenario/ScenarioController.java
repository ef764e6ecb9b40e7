package org.partygraph.api.scenario;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.api.graphql.NotFoundException;
import org.partygraph.api.limits.LimitsProperties;
import org.partygraph.api.limits.WhatIfBudget;
import org.partygraph.api.security.Scope;
import org.partygraph.api.text.BadArgumentException;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.scenario.AppliedScenario;
import org.partygraph.queries.scenario.PlannedScenario;
import org.partygraph.queries.scenario.Scenario;
import org.partygraph.queries.scenario.ScenarioComparison;
import org.partygraph.queries.scenario.ScenarioRejectedException;
import org.partygraph.queries.scenario.ScenarioRejectedException.Refusal;
import org.partygraph.queries.scenario.SavedScenario;
import org.partygraph.queries.scenario.ScenarioApplier;
import org.partygraph.queries.scenario.ScenarioReports;
import org.partygraph.queries.scenario.ScenarioStore;
import org.partygraph.queries.scenario.SuggestedScenario;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.Planner;
import org.partygraph.queries.whatif.WhatIfReport;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Saved scenarios in GraphQL. A refused save, delete or apply answers {@code refusal} and
 * {@code errors} (item, field, message) in its payload, with nothing written.
 *
 * <p>
 * Each scenario is owned by its saver's scope; to a user whose scope does not cover the owner scope
 * it does not exist (saving under its name is refused as NAME_TAKEN). The operations of a save, an
 * apply and a comparison may name only orgs and members in the caller's scope
 * ({@link ScenarioReports#whatIf}); an apply checks that in its own transaction.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
public class ScenarioController {

	private final ScenarioStore scenarios;

	private final ScenarioApplier applier;

	private final ScenarioReports reports;

	private final OrgQueries orgs;

	private final Scope scope;

	private final WhatIfBudget budget;

	private final LimitsProperties limits;

	public ScenarioController(ScenarioStore scenarios, ScenarioApplier applier, ScenarioReports reports,
			OrgQueries orgs, Scope scope, WhatIfBudget budget, LimitsProperties limits) {
		this.budget = budget;
		this.limits = limits;
		this.scenarios = scenarios;
		this.applier = applier;
		this.reports = reports;
		this.orgs = orgs;
		this.scope = scope;
	}

	/** The scenarios whose owner scope the user's covers (an owner of null: users who see everything). */
	@QueryMapping
	public List<Scenario> scenarios() {
		return this.scenarios.list().stream().filter(this::visible).toList();
	}

	@QueryMapping
	public Scenario scenario(@Argument String name) {
		Scenario found = this.scenarios.find(name);
		return (found != null && visible(found)) ? found : null;
	}

	@QueryMapping
	public ScenarioComparison compareScenarios(@Argument List<String> names) {
		if (names.isEmpty()) {
			throw new BadArgumentException(Text.of("refusal.argument", "names", Text.of("scenario.noNames")));
		}
		LimitsProperties.checkListSize("names", names.size(), this.limits.compareScenarios(),
				LimitsProperties.COMPARE_SCENARIOS);
		for (String name : names) {
			if (scenario(name) == null) {
				throw new NotFoundException(
						Text.of("refusal.argument", "names", Text.of("scenario.notFoundUnderName", name)));
			}
		}
		String root = this.scope.root();
		try {
			return this.budget.run(() -> this.reports.compare(names, root));
		}
		catch (ScenarioRejectedException ex) {
			Text text = ProblemTexts.text(ex, 0);
			throw (text != null) ? new NotFoundException(Text.of("refusal.argument", "names", text))
					: new NotFoundException("names: " + ex.problems().get(0).message());
		}
	}

	@QueryMapping
	public List<SuggestedScenario> suggestedScenarios(@Argument String within) {
		String scoped = this.scope.within(within, "within");
		List<SuggestedScenario> suggested = this.budget.run(() -> this.reports.suggested(scoped));
		if (suggested == null) {
			throw NotFoundException.noOrg("within", within);
		}
		return suggested;
	}

	@QueryMapping
	public PlannedScenario suggestedScenario(@Argument String within, @Argument Map<String, Object> goals) {
		String scoped = this.scope.within(within, "within");
		Planner.Goals wanted = goals(goals);
		PlannedScenario plan = this.budget.run(() -> this.reports.plan(this.scope.root(), scoped, wanted));
		if (plan == null) {
			throw NotFoundException.noOrg("within", within);
		}
		return plan;
	}

	/** The goals as given, the schema's defaults where left out. */
	private Planner.Goals goals(Map<String, Object> goals) {
		Map<String, Object> given = (goals != null) ? goals : Map.of();
		int most = (given.get("maxOperations") instanceof Integer n) ? n : 20;
		LimitsProperties.checkListSize("goals.maxOperations", most, this.limits.whatIfOperations(),
				LimitsProperties.WHAT_IF_OPERATIONS);
		if (most < 1) {
			throw new IllegalArgumentException("goals.maxOperations: at least 1, not " + most);
		}
		java.util.Set<Rule> rules = java.util.EnumSet.noneOf(Rule.class);
		if (given.get("clearRules") instanceof List<?> list) {
			list.forEach((r) -> rules.add(Rule.valueOf(String.valueOf(r))));
		}
		return new Planner.Goals(!Boolean.FALSE.equals(given.get("noErrors")), rules,
				!Boolean.FALSE.equals(given.get("keepPatterns")), most);
	}

	@MutationMapping
	public ScenarioPayload saveScenario(@Argument String name, @Argument String within,
			@Argument List<Operation> operations, @Argument String note, Principal principal) {
		LimitsProperties.checkListSize("operations", operations.size(), this.limits.whatIfOperations(),
				LimitsProperties.WHAT_IF_OPERATIONS);
		try {
			String scoped = this.scope.within(within, "within");
			String root = this.scope.root();
			SavedScenario saved = this.budget.run(
					() -> this.scenarios.saveWithReport(name, scoped, operations, note, user(principal), root));
			return new ScenarioPayload(saved.scenario(), saved.report(), null, List.of());
		}
		catch (ScenarioRejectedException ex) {
			return new ScenarioPayload(null, null, ex.refusal(), errors(ex));
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public DeleteScenarioPayload deleteScenario(@Argument String name) {
		if (scenario(name) == null) {
			return new DeleteScenarioPayload(null, Refusal.NOT_FOUND,
					List.of(ChangeError.of(name, "name", Text.of("scenario.notFoundUnderName", name))));
		}
		try {
			this.scenarios.delete(name, this.scope.root());
			return new DeleteScenarioPayload(name, null, List.of());
		}
		catch (ScenarioRejectedException ex) {
			return new DeleteScenarioPayload(null, ex.refusal(), errors(ex));
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public ApplyScenarioPayload applyScenario(@Argument String name, @Argument java.time.LocalDate on,
			Principal principal) {
		if (scenario(name) == null) {
			return new ApplyScenarioPayload(null, List.of(), List.of(), List.of(), 0, 0, List.of(), Refusal.NOT_FOUND,
					List.of(ChangeError.of(name, "name", Text.of("scenario.notFoundUnderName", name))));
		}
		try {
			AppliedScenario applied;
			try {
				applied = this.applier.apply(name, user(principal), this.scope.root(), on);
			}
			finally {
				// The tree may have changed: later reads of this request see the new one.
				this.scope.changed();
			}
			return new ApplyScenarioPayload(applied.scenario(), applied.orgsCreated(), applied.orgsChanged(),
					applied.orgsDissolved(), applied.membersChanged(), applied.transfers(),
					applied.newOrgIds()
						.entrySet()
						.stream()
						.map((e) -> new NewOrgId(e.getKey(), e.getValue()))
						.toList(),
					null, List.of());
		}
		catch (ScenarioRejectedException ex) {
			return new ApplyScenarioPayload(null, List.of(), List.of(), List.of(), 0, 0, List.of(), ex.refusal(),
					errors(ex));
		}
	}

	@SchemaMapping(typeName = "Scenario")
	public int operationCount(Scenario scenario) {
		return scenario.operationCount();
	}

	@SchemaMapping(typeName = "Scenario")
	public WhatIfReport report(Scenario scenario) {
		return this.reports.report(scenario, this.scope.root());
	}

	@SchemaMapping(typeName = "Scenario")
	public String reportUrl(Scenario scenario) {
		return ScenarioPages.path(scenario.name(), "report.html");
	}

	@SchemaMapping(typeName = "Scenario")
	public String changesUrl(Scenario scenario) {
		return ScenarioPages.path(scenario.name(), "changes.csv");
	}

	/** One snapshot per distinct scope for the whole list. */
	@BatchMapping(typeName = "Scenario")
	public Map<Scenario, Boolean> liveChanged(List<Scenario> list) {
		Map<String, Boolean> changed = this.reports.liveChanged(list);
		Map<Scenario, Boolean> result = new LinkedHashMap<>();
		list.forEach((s) -> result.put(s, changed.get(s.name())));
		return result;
	}

	@BatchMapping(typeName = "Scenario")
	public Map<Scenario, OrgRow> scope(List<Scenario> list) {
		Map<String, OrgRow> rows = this.orgs
			.byIds(list.stream().map(Scenario::within).filter(Objects::nonNull).distinct().toList());
		Map<Scenario, OrgRow> result = new LinkedHashMap<>();
		list.forEach((s) -> {
			OrgRow row = (s.within() != null) ? rows.get(s.within()) : null;
			if (row != null) {
				result.put(s, row);
			}
		});
		return result;
	}

	@SchemaMapping(typeName = "ScenarioComparison")
	public boolean sameScope(ScenarioComparison comparison) {
		return comparison.sameScope();
	}

	/** Whether the user's scope covers the scenario's owner scope (null: everything). */
	private boolean visible(Scenario scenario) {
		return this.scope.isVisible(scenario.owner());
	}

	private static String user(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	private static List<ChangeError> errors(ScenarioRejectedException ex) {
		return ChangeError.of(ex);
	}

	public record ScenarioPayload(Scenario scenario, WhatIfReport report, Refusal refusal, List<ChangeError> errors) {
	}

	public record DeleteScenarioPayload(String deleted, Refusal refusal, List<ChangeError> errors) {
	}

	public record ApplyScenarioPayload(Scenario scenario, List<String> orgsCreated, List<String> orgsChanged,
			List<String> orgsDissolved, int membersChanged, int transfers, List<NewOrgId> newOrgIds, Refusal refusal,
			List<ChangeError> errors) {
	}

	/** An org a CREATE_ORG made: its what-if id and its stored id. */
	public record NewOrgId(String whatIfId, String id) {
	}

}
