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
		Lang lang = RequestLang.of(env);
		RosterFormat f = (format != null) ? format : RosterFormat.CSV;
		byte[] bytes;
		if (f == RosterFormat.XLSX) {
			try {
				bytes = Base64.getDecoder().decode(content.replaceAll("\\s", ""));
			}
			catch (IllegalArgumentException ex) {
				return RosterPayload.refused(dry, List.of(),
						List.of(error("content", null, Text.of("roster.arg.notBase64", ex.getMessage()), lang)));
			}
		}
		else {
			bytes = content.getBytes(StandardCharsets.UTF_8);
		}
		return run("content", bytes, f, mapping, dry, on, org, lang).getBody();
	}

	@PostMapping(path = "/import/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public ResponseEntity<RosterPayload> upload(@RequestParam("file") MultipartFile file, @RequestParam String org,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String on,
			@RequestParam(required = false) List<String> mapping, HttpServletRequest request) throws IOException {
		Lang lang = RequestLang.of(request);
		String name = (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
				? "'" + file.getOriginalFilename() + "'" : RosterFiles.THE_FILE;
		LocalDate day;
		try {
			day = (on != null && !on.isBlank()) ? LocalDate.parse(on.trim()) : null;
		}
		catch (DateTimeParseException ex) {
			return ResponseEntity.badRequest()
				.body(RosterPayload.refused(dryRun, List.of(), List.of(error("on", "on", Text.of("roster.arg.on", on), lang))));
		}
		if (file.getSize() > this.maxBytes) {
			return tooLarge(dryRun, name, file.getSize(), lang);
		}
		List<RosterColumn> columns = new java.util.ArrayList<>();
		if (mapping != null) {
			for (String pair : mapping) {
				int at = pair.lastIndexOf('=');
				if (at <= 0) {
					return ResponseEntity.badRequest()
						.body(RosterPayload.refused(dryRun, List.of(),
								List.of(error("mapping", null, Text.of("roster.arg.mapping", pair), lang))));
				}
				columns.add(new RosterColumn(pair.substring(0, at), pair.substring(at + 1)));
			}
		}
		byte[] bytes = file.getBytes();
		return run(name, bytes, RosterFiles.sniff(bytes), columns, dryRun, day, org, lang);
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
				return tooLarge(dryRun, name, bytes.length, lang);
			}
			return ResponseEntity.badRequest()
				.body(RosterPayload.refused(dryRun, List.of(),
						List.of(error(name.equals("content") ? "content" : "file", null, ex.text(), lang))));
		}
		try {
			OrgChanges scoped = this.changes.within(WriteScope.of(this.scope.root())).on(on).by(login());
			return ResponseEntity.ok(RosterPayload.done(scoped.importRoster(org, sheet, dryRun), sheet.ignored()));
		}
		catch (RosterRejectedException ex) {
			// The file's and the matching's problems are texts of the bundles, said in the request's language.
			List<RosterProblem> problems = ex.rosterProblems();
			List<RosterPayload.Error> errors = java.util.stream.IntStream.range(0, problems.size()).mapToObj((i) -> {
				Text text = ProblemTexts.text(ex, i);
				return RosterPayload.Error.of(problems.get(i), (text != null) ? this.messages.say(text, lang) : null);
			}).toList();
			return ResponseEntity.badRequest().body(RosterPayload.refused(dryRun, sheet.ignored(), errors));
		}
	}

	private ResponseEntity<RosterPayload> tooLarge(boolean dryRun, String name, long size, Lang lang) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(RosterPayload.refused(dryRun, List.of(), List.of(error("file", null,
					Text.of("roster.file.tooLarge", RosterFiles.named(name), size, this.maxBytes), lang))));
	}

	/** A refusal of the file or an argument, said in the request's language. */
	private RosterPayload.Error error(String column, String field, Text text, Lang lang) {
		return new RosterPayload.Error(null, column, field, this.messages.say(text, lang));
	}

	private static String login() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : null;
	}

}
