package org.partygraph.api.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.partygraph.api.export.ExportController;
import org.partygraph.api.export.XlsxBook;
import org.partygraph.api.export.Zh;

import org.partygraph.api.security.Scope;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.SpringMessages;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.scenario.Scenario;
import org.partygraph.queries.scenario.ScenarioDetails;
import org.partygraph.queries.scenario.ScenarioReports;
import org.partygraph.queries.scenario.ScenarioStore;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * A saved scenario for a person to read and decide on, at stable URLs behind the same login as
 * everything else: {@code /scenarios/{name}/report.html} (a page) and
 * {@code /scenarios/{name}/changes.csv} (its steps and members moved for a spreadsheet) and
 * {@code /scenarios/{name}/report.xlsx} (the whole report as a workbook). An unknown name answers 404
 * with a plain message.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
public class ScenarioPages {

	private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final ScenarioStore scenarios;

	private final ScenarioReports reports;

	private final OrgQueries orgs;

	private final Scope scope;

	private final SpringMessages messages;

	public ScenarioPages(ScenarioStore scenarios, ScenarioReports reports, OrgQueries orgs, Scope scope,
			SpringMessages messages) {
		this.messages = messages;
		this.scenarios = scenarios;
		this.reports = reports;
		this.orgs = orgs;
		this.scope = scope;
	}

	/** The path of one of a scenario's documents, its name encoded as a path segment. */
	static String path(String name, String document) {
		return "/scenarios/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8) + "/" + document;
	}

	@GetMapping("/scenarios/{name}/report.html")
	public ResponseEntity<String> report(@PathVariable String name, HttpServletRequest request) {
		ScenarioDetails details = details(name);
		if (details == null) {
			return notFound(name, request);
		}
		String within = details.scenario().within();
		OrgRow scope = (within != null) ? this.orgs.byIds(List.of(within)).get(within) : null;
		String page = ReportPage.render(details, (scope != null) ? scope.name() : null, ChartJs.path(),
				new ReportPage.Say(this.messages, RequestLang.of(request)));
		return ResponseEntity.ok().contentType(HTML).body(page);
	}

	@GetMapping("/scenarios/{name}/changes.csv")
	public ResponseEntity<?> changes(@PathVariable String name, HttpServletRequest request) {
		ScenarioDetails details = details(name);
		if (details == null) {
			return notFound(name, request);
		}
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename("scenario-" + name + "-changes.csv", StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(ChangesCsv.render(details, OrgNames.of(details.report(), this.orgs), RequestLang.of(request)));
	}

	/** The report as a workbook: summary, figures, steps, every member moved, org changes, rule breaks. */
	@GetMapping("/scenarios/{name}/report.xlsx")
	public void workbook(@PathVariable String name, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ScenarioDetails details = details(name);
		if (details == null) {
			ExportController.refuse(response, HttpServletResponse.SC_NOT_FOUND,
					this.messages.say("refusal.noScenario", RequestLang.of(request), name));
			return;
		}
		String within = details.scenario().within();
		OrgRow scope = (within != null) ? this.orgs.byIds(List.of(within)).get(within) : null;
		try (XlsxBook book = new XlsxBook()) {
			ReportWorkbook.write(book, details, (scope != null) ? scope.name() : null,
					OrgNames.of(details.report(), this.orgs), Zh.of(request));
			ExportController.send(response, book, "scenario-" + name + "-report", null);
		}
	}

	/**
	 * The scenario's details as the user may read them; {@code null} when there is none or the user's
	 * scope does not cover its owner scope (outside it a scenario answers as one that does not exist).
	 */
	private ScenarioDetails details(String name) {
		Scenario found = this.scenarios.find(name);
		if (found == null || !this.scope.isVisible(found.owner())) {
			return null;
		}
		ScenarioDetails details = this.reports.details(name, this.scope.root());
		// Re-saved in between by a wider scope: as absent as before.
		return (details != null && this.scope.isVisible(details.scenario().owner())) ? details : null;
	}

	// In the request's language (Accept-Language), the name as given.
	private ResponseEntity<String> notFound(String name, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(TEXT)
			.body(this.messages.say("refusal.noScenario", RequestLang.of(request), name) + "\n");
	}

}
