package org.partygraph.api.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;

import org.partygraph.api.security.Scope;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.SpringMessages;
import org.partygraph.model.roster.RosterProblem;
import org.partygraph.model.roster.RosterRejectedException;
import org.partygraph.model.roster.RosterSheet;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The roster (花名冊) import: GraphQL {@code importRoster} and {@code POST /import/roster}
 * (multipart: {@code file}, {@code org}, {@code dryRun}, {@code on}, {@code mapping} repeated as
 * {@code HEADER=FIELD}), both ORG_ADMIN and above,
 * within the caller's scope, answering the same {@link RosterPayload}. The file is read here
 * ({@link RosterFiles}: CSV or XLSX, at most {@code party-graph.roster.max-bytes}); matching and
 * writing are {@link OrgChanges#importRoster}, one transaction. A refused file writes nothing and
 * answers every problem by row and column (HTTP: 400; a file over the cap 413).
 */
@Controller
public class RosterController {

	private final OrgChanges changes;

	private final Scope scope;

	private final long maxBytes;

	private final SpringMessages messages;

	public RosterController(OrgChanges changes, Scope scope,
			@Value("${party-graph.roster.max-bytes:20MB}") DataSize maxBytes, SpringMessages messages) {
		this.changes = changes;
		this.scope = scope;
		this.messages = messages;
		this.maxBytes = maxBytes.toBytes();
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public RosterPayload importRoster(@Argument String org, @Argument String content, @Argument RosterFormat format,
			@Argument List<RosterColumn> mapping, @Argument Boolean dryRun, @Argument LocalDate on,
			DataFetchingEnvironment env) {
		boolean dry = Boolean.TRUE.equals(dryRun);
		RosterFormat f = (format != null) ? format : RosterFormat.CSV;
		byte[] bytes;
		if (f == RosterFormat.XLSX) {
			try {
				bytes = Base64.getDecoder().decode(content.replaceAll("\\s", ""));
			}
			catch (IllegalArgumentException ex) {
				return RosterPayload.refused(dry, List.of(), List.of(new RosterPayload.Error(null, "content", null,
						"content is not base64 (an XLSX file is sent base64-encoded): " + ex.getMessage())));
			}
		}
		else {
			bytes = content.getBytes(StandardCharsets.UTF_8);
		}
		return run("content", bytes, f, mapping, dry, on, org, RequestLang.of(env)).getBody();
	}

	@PostMapping(path = "/import/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public ResponseEntity<RosterPayload> upload(@RequestParam("file") MultipartFile file, @RequestParam String org,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String on,
			@RequestParam(required = false) List<String> mapping, HttpServletRequest request) throws IOException {
		String name = (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
				? "'" + file.getOriginalFilename() + "'" : "the file";
		LocalDate day;
		try {
			day = (on != null && !on.isBlank()) ? LocalDate.parse(on.trim()) : null;
		}
		catch (DateTimeParseException ex) {
			return ResponseEntity.badRequest()
				.body(RosterPayload.refused(dryRun, List.of(),
						List.of(new RosterPayload.Error(null, "on", "on", "on must be a date yyyy-MM-dd, not '" + on + "'"))));
		}
		if (file.getSize() > this.maxBytes) {
			return tooLarge(dryRun, name, file.getSize());
		}
		List<RosterColumn> columns = new java.util.ArrayList<>();
		if (mapping != null) {
			for (String pair : mapping) {
				int at = pair.lastIndexOf('=');
				if (at <= 0) {
					return ResponseEntity.badRequest()
						.body(RosterPayload.refused(dryRun, List.of(), List.of(new RosterPayload.Error(null, "mapping", null,
								"mapping must be HEADER=FIELD (e.g. 名字=NAME), not '" + pair + "'"))));
				}
				columns.add(new RosterColumn(pair.substring(0, at), pair.substring(at + 1)));
			}
		}
		byte[] bytes = file.getBytes();
		return run(name, bytes, RosterFiles.sniff(bytes), columns, dryRun, day, org, RequestLang.of(request));
	}

	private ResponseEntity<RosterPayload> run(String name, byte[] bytes, RosterFormat format,
			List<RosterColumn> mapping, boolean dryRun, LocalDate on, String org, Lang lang) {
		RosterSheet sheet;
		try {
			RosterFiles.checkSize(name, bytes.length, this.maxBytes);
			Map<String, String> map = new LinkedHashMap<>();
			if (mapping != null) {
				mapping.forEach((c) -> map.put(c.header(), c.field()));
			}
			sheet = RosterFiles.read(name, bytes, format, map, true);
		}
		catch (RosterFiles.NotASpreadsheet ex) {
			if (ex.tooLarge()) {
				return tooLarge(dryRun, name, bytes.length);
			}
			return ResponseEntity.badRequest()
				.body(RosterPayload.refused(dryRun, List.of(),
						List.of(new RosterPayload.Error(null, name.equals("content") ? "content" : "file", null, ex.getMessage()))));
		}
		try {
			OrgChanges scoped = this.changes.within(WriteScope.of(this.scope.root())).on(on).by(login());
			return ResponseEntity.ok(RosterPayload.done(scoped.importRoster(org, sheet, dryRun), sheet.ignored()));
		}
		catch (RosterRejectedException ex) {
			// The matching's problems are texts of the bundles, said in the request's language; the file's own are English.
			List<RosterProblem> problems = ex.rosterProblems();
			List<RosterPayload.Error> errors = java.util.stream.IntStream.range(0, problems.size()).mapToObj((i) -> {
				Text text = (ex instanceof ProblemTexts texts) ? texts.text(i) : null;
				return RosterPayload.Error.of(problems.get(i), (text != null) ? this.messages.say(text, lang) : null);
			}).toList();
			return ResponseEntity.badRequest().body(RosterPayload.refused(dryRun, sheet.ignored(), errors));
		}
	}

	private ResponseEntity<RosterPayload> tooLarge(boolean dryRun, String name, long size) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(RosterPayload.refused(dryRun, List.of(), List.of(new RosterPayload.Error(null, "file", null, name + " is "
					+ size + " bytes, over the limit of " + this.maxBytes + " bytes (party-graph.roster.max-bytes)"))));
	}

	private static String login() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : null;
	}

}
