package org.partygraph.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.partygraph.api.graphql.NotFoundException;
import org.partygraph.api.security.CurrentUser;
import org.partygraph.api.security.Scope;
import org.partygraph.api.text.BadArgumentException;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.Said;
import org.partygraph.api.text.SpringMessages;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Role;
import org.partygraph.model.Trade;
import org.partygraph.queries.limits.DatabaseTimeoutException;
import org.partygraph.queries.limits.TimeBudgetExceededException;
import org.partygraph.queries.pattern.Count;
import org.partygraph.queries.pattern.Level;
import org.partygraph.queries.pattern.Statistics;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.read.MemberFilter;
import org.partygraph.queries.read.DatabaseUnavailableException;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.RosterQueries;
import org.partygraph.queries.read.RosterQueries.Roster;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.rules.KeptCompliance;
import org.partygraph.queries.rules.Rule;
import org.partygraph.queries.text.Text;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Spreadsheets (.xlsx) behind the same login and scope as {@code /graphql}:
 * {@code /export/members.xlsx} (the roster, 花名冊: one row per member of the subtree),
 * {@code /export/statistics.xlsx} (黨內統計: the {@code statistics} query's tables, one sheet each)
 * and {@code /export/compliance.xlsx} (the {@code complianceIssues} list). {@code within} defaults to
 * the user's scope; one outside it answers 404 naming {@code within}, exactly as an unknown id (as
 * GraphQL answers NOT_FOUND). The roster needs ANALYST (as the {@code members} query), and shows the
 * personal columns (birth date, ID number, phone) only to ORG_ADMIN and above, the rule of those
 * fields in GraphQL. Rows are read in batches ({@link RosterQueries}) and written through a
 * streaming workbook ({@link XlsxBook}): a roster of any size never sits in memory whole.
 */
@Controller
public class ExportController {

	/** The spreadsheet media type. */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final List<Column> ROSTER = List.of(new Column("姓名", "姓名", 10),
			new Column("党员编号", "黨員編號", 14), new Column("性别", "性別", 5), new Column("人员类别", "人員類別", 10),
			new Column("入党日期", "入黨日期", 11), new Column("行业", "行業", 6),
			new Column("所在党组织", "所在黨組織", 28), new Column("党组织编号", "黨組織編號", 16),
			new Column("党小组", "黨小組", 20), new Column("工作单位", "工作單位", 28));

	private static final List<Column> PERSONAL = List.of(new Column("出生日期", "出生日期", 11),
			new Column("身份证号", "身分證號", 20), new Column("联系电话", "聯繫電話", 14));

	private final RosterQueries rosters;

	private final StatisticsQueries statistics;

	private final KeptCompliance compliance;

	private final OrgQueries orgs;

	private final Scope scope;

	private final SpringMessages messages;

	public ExportController(RosterQueries rosters, StatisticsQueries statistics, KeptCompliance compliance,
			OrgQueries orgs, Scope scope, SpringMessages messages) {
		this.messages = messages;
		this.rosters = rosters;
		this.statistics = statistics;
		this.compliance = compliance;
		this.orgs = orgs;
		this.scope = scope;
	}

	/** The roster: the members of within's subtree, with the {@code members} query's filters. */
	@GetMapping("/export/members.xlsx")
	@PreAuthorize("hasRole('ANALYST')")
	public void members(@RequestParam(required = false) String within,
			@RequestParam(required = false) String status, @RequestParam(required = false) String trade,
			@RequestParam(required = false) String nameContains, @RequestParam(required = false) String role,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		MemberFilter filter = new MemberFilter(null, parse(MemberStatus.class, "status", status),
				parse(Trade.class, "trade", trade), nameContains, parse(Role.class, "role", role));
		String scoped = this.scope.within(blankToNull(within), "within");
		Roster roster = this.rosters.roster(scoped);
		if (roster == null) {
			throw NotFoundException.noOrg("within", within);
		}
		Zh zh = Zh.of(request);
		boolean personal = CurrentUser.canSeePersonalData();
		List<Column> columns = new ArrayList<>(ROSTER);
		if (personal) {
			columns.addAll(PERSONAL);
		}
		try (XlsxBook book = new XlsxBook()) {
			XlsxBook.Sheet sheet = book.sheet(zh.pick("党员花名册", "黨員花名冊"), columns, zh);
			roster.forEach(filter, (r) -> {
				MemberRow m = r.member();
				Object[] cells = new Object[columns.size()];
				cells[0] = m.name();
				cells[1] = m.id();
				cells[2] = Labels.gender(m.gender(), zh);
				cells[3] = Labels.status(m.status(), zh);
				cells[4] = m.joined();
				cells[5] = Labels.trade(m.trade(), zh);
				cells[6] = r.orgName();
				cells[7] = m.orgId();
				cells[8] = r.groupName();
				cells[9] = r.unitName();
				if (personal) {
					cells[10] = m.birthDate();
					cells[11] = m.idNumber();
					cells[12] = m.phone();
				}
				sheet.row(cells);
			});
			send(response, book, "members", roster.within());
		}
	}

	/** The statistics tables of within's subtree: a summary, then by kind, status, trade, township and level. */
	@GetMapping("/export/statistics.xlsx")
	public void statistics(@RequestParam(required = false) String within, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String scoped = existing(within);
		Statistics figures = this.statistics.statistics(scoped);
		Zh zh = Zh.of(request);
		try (XlsxBook book = new XlsxBook()) {
			XlsxBook.Sheet summary = book.sheet(zh.pick("汇总", "彙總"), List.of(new Column("项目", "項目", 16),
					new Column("数量", "數量", 10)), zh);
			summary.row(zh.pick("党组织数", "黨組織數"), figures.orgs());
			summary.row(zh.pick("党员数", "黨員數"), figures.members());
			summary.row(zh.pick("层级深度", "層級深度"), figures.depth());
			counts(book, zh, zh.pick("按组织类型", "按組織類型"), new Column("组织类型", "組織類型", 14), figures.orgsByKind(),
					new Column("党组织数", "黨組織數", 10));
			counts(book, zh, zh.pick("按人员类别", "按人員類別"), new Column("人员类别", "人員類別", 12),
					figures.membersByStatus(), new Column("党员数", "黨員數", 10));
			counts(book, zh, zh.pick("按行业", "按行業"), new Column("行业", "行業", 10), figures.membersByTrade(),
					new Column("党员数", "黨員數", 10));
			counts(book, zh, zh.pick("按乡镇", "按鄉鎮"), new Column("乡镇党委", "鄉鎮黨委", 24), figures.membersByTownship(),
					new Column("党员数", "黨員數", 10));
			XlsxBook.Sheet levels = book.sheet(zh.pick("按层级", "按層級"), List.of(new Column("层级", "層級", 6),
					new Column("党组织数", "黨組織數", 10), new Column("最少下级", "最少下級", 10),
					new Column("平均下级", "平均下級", 10), new Column("最多下级", "最多下級", 10)), zh);
			for (Level level : figures.levels()) {
				levels.row(level.level(), level.orgs(), level.minSpan(), level.avgSpan(), level.maxSpan());
			}
			send(response, book, "statistics", scoped);
		}
	}

	/** The rule breaks of within's subtree (only the given rules when listed), ERROR first. */
	@GetMapping("/export/compliance.xlsx")
	public void compliance(@RequestParam(required = false) String within,
			@RequestParam(required = false) List<String> rules, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Set<Rule> wanted = EnumSet.noneOf(Rule.class);
		if (rules != null) {
			for (String rule : rules) {
				wanted.add(parse(Rule.class, "rules", rule));
			}
		}
		if (wanted.isEmpty()) {
			wanted = EnumSet.allOf(Rule.class);
		}
		String scoped = this.scope.within(blankToNull(within), "within");
		List<ComplianceIssue> issues = this.compliance.issues(scoped, wanted);
		if (issues == null) {
			throw NotFoundException.noOrg("within", within);
		}
		Zh zh = Zh.of(request);
		boolean members = CurrentUser.canSeeMembers();
		try (XlsxBook book = new XlsxBook()) {
			XlsxBook.Sheet sheet = book.sheet(zh.pick("合规问题", "合規問題"), List.of(new Column("严重程度", "嚴重程度", 8),
					new Column("规则", "規則", 24), new Column("党组织编号", "黨組織編號", 16),
					new Column("党组织", "黨組織", 28), new Column("组织类型", "組織類型", 12),
					new Column("问题", "問題", 60), new Column("实际", "實際", 6), new Column("要求", "要求", 6),
					new Column("建议", "建議", 60), new Column("依据", "依據", 40)), zh);
			for (ComplianceIssue issue : issues) {
				sheet.row(Labels.severity(issue.severity(), zh), issue.rule().name(), issue.orgId(), issue.orgName(),
						Labels.key(issue.orgKind(), zh), issue.message(this.messages, zh.lang()), issue.actual(),
						issue.threshold(), issue.suggestion(this.messages, zh.lang(), members),
						issue.rule().article());
			}
			send(response, book, "compliance", scoped);
		}
	}

	/**
	 * The refusals of every export, answered before any of the workbook is written: an unknown or
	 * out-of-scope {@code within} is a 404, a bad parameter a 400, each with its message naming the
	 * parameter.
	 */
	@ExceptionHandler(NotFoundException.class)
	public ResponseEntity<String> notFound(NotFoundException ex, HttpServletRequest request) {
		return plain(HttpStatus.NOT_FOUND, said(ex, request));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	public ResponseEntity<String> badParameter(IllegalArgumentException ex, HttpServletRequest request) {
		return plain(HttpStatus.BAD_REQUEST, said(ex, request));
	}

	// A refusal kept as a text of the bundles in the request's language (Accept-Language, English
	// by default, as GraphQL's errors), others as they are.
	private String said(RuntimeException ex, HttpServletRequest request) {
		if (ex instanceof Said said && said.text() != null) {
			return this.messages.say(said.text(), RequestLang.of(request));
		}
		return ex.getMessage();
	}

	/**
	 * The database too slow or gone while the rows were read: nothing of the workbook has been sent
	 * yet (it is sent whole at the end), so the answer is a plain 503 with the same message GraphQL
	 * gives, not half a file.
	 */
	@ExceptionHandler({ DatabaseTimeoutException.class, TimeBudgetExceededException.class,
			DatabaseUnavailableException.class })
	public ResponseEntity<String> databaseTrouble(RuntimeException ex) {
		return plain(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	private static ResponseEntity<String> plain(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(message + "\n");
	}

	private static void counts(XlsxBook book, Zh zh, String name, Column key, List<Count> counts, Column count) {
		XlsxBook.Sheet sheet = book.sheet(name, List.of(new Column("代码", "代碼", 20), key, count), zh);
		for (Count c : counts) {
			sheet.row(c.key(), Labels.key(c.key(), zh), c.count());
		}
	}

	/** The scope to count in, refused as unknown when outside the user's scope or not there at all. */
	private String existing(String within) {
		String scoped = this.scope.within(blankToNull(within), "within");
		if (scoped != null && this.orgs.byIds(List.of(scoped)).isEmpty()) {
			throw NotFoundException.noOrg("within", within);
		}
		return scoped;
	}

	/** Answers the finished book as an attachment named after what it is and its scope. */
	public static void send(HttpServletResponse response, XlsxBook book, String what, String within) throws IOException {
		String file = what + ((within != null) ? "-" + within : "") + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString());
		OutputStream out = response.getOutputStream();
		book.write(out);
		out.flush();
	}

	public static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadArgumentException(Text.of("refusal.notOneOf", parameter, value,
					Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
