package org.partygraph.api.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.TestApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spreadsheet downloads over HTTP on the running service and its Neo4j, opened with POI:
 * headers in Chinese (either script), a frozen header row, as many rows as GraphQL counts for the
 * same within, personal columns only for ORG_ADMIN, the scope refusal, and a scenario report
 * (workbook, CSV, Markdown, page) that lists every member moved.
 */
class ExportsIT extends ServiceTestBase {

	private static final String SCENARIO = "導出-合併";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** A county of its own: two branches of 70 members each, so a merge moves 140 (more than any old cut). */
	@BeforeAll
	void ownCounty() {
		StringBuilder members = new StringBuilder();
		for (int i = 0; i < 140; i++) {
			String org = (i < 70) ? "xe-b1" : "xe-b2";
			members.append((i > 0) ? ",\n" : "").append("{\"id\": \"xe-m").append(String.format("%03d", i))
				.append("\", \"name\": \"").append((i % 2 == 0) ? "趙" : "錢").append(i)
				.append("\", \"status\": \"").append((i % 7 == 0) ? "PROBATIONARY" : "FULL")
				.append("\", \"org\": \"").append(org)
				.append("\", \"gender\": \"F\", \"joined\": \"2010-07-01\", \"birthDate\": \"1980-01-02\"")
				.append(", \"idNumber\": \"14062219800102").append(String.format("%04d", i))
				.append("\", \"phone\": \"1390000").append(String.format("%04d", i)).append("\"}");
		}
		String county = """
				{"format": "party-graph/1", "name": "導出測試縣",
				 "units": [{"id": "xe-u", "kind": "COUNTY", "name": "導出測試縣"}],
				 "orgs": [
				  {"id": "xe-county", "kind": "COUNTY_COMMITTEE", "name": "中共導出測試縣委", "units": ["xe-u"]},
				  {"id": "xe-t", "kind": "TOWNSHIP_COMMITTEE", "name": "丁鄉黨委", "parent": "xe-county"},
				  {"id": "xe-b1", "kind": "BRANCH", "name": "甲村黨支部", "parent": "xe-t"},
				  {"id": "xe-b2", "kind": "BRANCH", "name": "乙村黨支部", "parent": "xe-t"}],
				 "members": [%s]}
				""".formatted(members);
		this.graphQl.document("mutation($json: String!) { importDataset(json: $json) { dataset errors { message } } }")
			.variable("json", county)
			.execute()
			.path("importDataset.errors").entityList(Object.class).hasSize(0);
		this.graphQl.documentName("scenarioDelete").variable("name", SCENARIO).execute();
	}

	@AfterAll
	void removeScenario() {
		this.graphQl.documentName("scenarioDelete").variable("name", SCENARIO).execute();
	}

	@Test
	void theRosterHasOneRowPerMemberCountedAsGraphQlCountsThem() throws Exception {
		for (String within : List.of("o-t-hbt", "xe-county")) {
			int total = totalCount("{within: \"" + within + "\"}");
			HttpResponse<byte[]> answer = get("/export/members.xlsx?within=" + within, "admin", "zh-CN,zh;q=0.9");
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue(ExportController.XLSX);
			assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(
					(d) -> assertThat(d).startsWith("attachment").contains("members-" + within + ".xlsx"));
			try (XSSFWorkbook book = open(answer)) {
				Sheet sheet = book.getSheetAt(0);
				assertThat(sheet.getSheetName()).isEqualTo("党员花名册");
				assertThat(header(sheet)).startsWith("姓名", "党员编号", "性别", "人员类别", "入党日期")
					.endsWith("出生日期", "身份证号", "联系电话");
				frozenHeader(sheet);
				assertThat(sheet.getLastRowNum()).as(within).isEqualTo(total).isPositive();
				Set<String> ids = new HashSet<>();
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					ids.add(sheet.getRow(r).getCell(1).getStringCellValue());
				}
				assertThat(ids).as("no member twice").hasSize(total);
			}
		}
		// The county of its own: exact rows, real dates, labels in words.
		try (XSSFWorkbook book = open(get("/export/members.xlsx?within=xe-b1", "admin", null))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(70);
			Row first = sheet.getRow(1);
			List<String> header = header(sheet);
			Cell joined = first.getCell(header.indexOf("入党日期"));
			assertThat(joined.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(joined)).isTrue();
			assertThat(joined.getLocalDateTimeCellValue().toLocalDate()).hasToString("2010-07-01");
			assertThat(DateUtil.isCellDateFormatted(first.getCell(header.indexOf("出生日期")))).isTrue();
			assertThat(first.getCell(header.indexOf("所在党组织")).getStringCellValue()).isEqualTo("甲村黨支部");
			assertThat(first.getCell(header.indexOf("性别")).getStringCellValue()).isEqualTo("女");
			assertThat(first.getCell(header.indexOf("身份证号")).getStringCellValue()).startsWith("14062219800102");
			assertThat(sheet.getColumnWidth(header.indexOf("所在党组织"))).isGreaterThan(sheet.getColumnWidth(2));
		}
		// The members query's filters.
		int probationary = totalCount("{within: \"o-t-hbt\", status: PROBATIONARY}");
		try (XSSFWorkbook book = open(get("/export/members.xlsx?within=o-t-hbt&status=PROBATIONARY", "admin", null))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(probationary);
			int column = header(sheet).indexOf("人员类别");
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(column).getStringCellValue()).isEqualTo("预备党员");
			}
		}
		HttpResponse<byte[]> bad = get("/export/members.xlsx?within=o-t-hbt&status=MAYBE", "admin", null);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(text(bad)).contains("status: 'MAYBE' is not one of [FULL, PROBATIONARY]");
		// In the request's language (#19): the parameter, the value and the codes as they are.
		HttpResponse<byte[]> badZh = get("/export/members.xlsx?within=o-t-hbt&status=MAYBE", "admin", "zh-CN");
		assertThat(badZh.statusCode()).isEqualTo(400);
		assertThat(text(badZh)).isEqualTo("status：“MAYBE”不是[FULL, PROBATIONARY]之一\n");
	}

	@Test
	void traditionalHeadingsWhenTheBrowserPrefersTaiwanOrHongKong() throws Exception {
		for (String language : List.of("zh-TW,zh;q=0.9,en;q=0.5", "zh-HK", "en;q=0.9,zh-Hant;q=0.8")) {
			try (XSSFWorkbook book = open(get("/export/members.xlsx?within=xe-b2", "admin", language))) {
				assertThat(book.getSheetAt(0).getSheetName()).as(language).isEqualTo("黨員花名冊");
				assertThat(header(book.getSheetAt(0))).as(language).contains("黨員編號", "身分證號", "所在黨組織");
			}
		}
		try (XSSFWorkbook book = open(get("/export/statistics.xlsx?within=xe-county", "admin", "en-US,en"))) {
			assertThat(book.getSheetAt(0).getSheetName()).as("simplified by default").isEqualTo("汇总");
		}
	}

	@Test
	void personalColumnsOnlyForRolesThatReadThemInGraphQl() throws Exception {
		try (XSSFWorkbook analyst = open(get("/export/members.xlsx", "hbt-analyst", null));
				XSSFWorkbook orgAdmin = open(get("/export/members.xlsx", "hbt-admin", null))) {
			assertThat(header(analyst.getSheetAt(0))).contains("姓名", "党员编号")
				.doesNotContain("出生日期", "身份证号", "联系电话");
			assertThat(header(orgAdmin.getSheetAt(0))).contains("出生日期", "身份证号", "联系电话");
			// No within: the user's scope, the same rows as the members list counts for them.
			int total = totalCount("{within: \"o-t-hbt\"}");
			assertThat(analyst.getSheetAt(0).getLastRowNum()).isEqualTo(total);
			assertThat(orgAdmin.getSheetAt(0).getLastRowNum()).isEqualTo(total);
		}
		// Below ANALYST no roster at all, as no members query.
		assertThat(get("/export/members.xlsx", "viewer", null).statusCode()).isEqualTo(403);
		assertThat(get("/export/members.xlsx", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void anotherTownshipIsRefusedAsAnUnknownOrg() throws Exception {
		for (String path : List.of("members", "statistics", "compliance")) {
			HttpResponse<byte[]> outside = get("/export/" + path + ".xlsx?within=o-t-yz", "hbt-analyst", null);
			HttpResponse<byte[]> unknown = get("/export/" + path + ".xlsx?within=zz-nowhere", "hbt-analyst", null);
			assertThat(outside.statusCode()).as(path).isEqualTo(404);
			assertThat(text(outside)).as(path).isEqualTo("within: no org has id 'o-t-yz'\n")
				.isEqualTo(text(unknown).replace("zz-nowhere", "o-t-yz"));
			assertThat(get("/export/" + path + ".xlsx?within=zz-nowhere", "admin", null).statusCode()).as(path)
				.isEqualTo(404);
			// In the request's language (#19), the same 404.
			HttpResponse<byte[]> outsideZh = get("/export/" + path + ".xlsx?within=o-t-yz", "hbt-analyst", "zh-CN");
			assertThat(outsideZh.statusCode()).as(path).isEqualTo(404);
			assertThat(text(outsideZh)).as(path).isEqualTo("within：没有编号为“o-t-yz”的党组织\n");
			// Inside the scope it is served.
			assertThat(get("/export/" + path + ".xlsx?within=o-t-hbt", "hbt-analyst", null).statusCode()).as(path)
				.isEqualTo(200);
		}
	}

	@Test
	void statisticsAndComplianceHoldWhatGraphQlAnswers() throws Exception {
		Map<String, Object> stats = this.graphQl.document("""
				{ statistics(within: "o-t-hbt") { orgs members depth orgsByKind { key count }
				  membersByStatus { key count } membersByTrade { key count } membersByTownship { key count }
				  levels { level orgs } } }""")
			.execute()
			.path("statistics").entity(Map.class).get();
		try (XSSFWorkbook book = open(get("/export/statistics.xlsx?within=o-t-hbt", "viewer", null))) {
			List<String> sheets = new ArrayList<>();
			book.forEach((s) -> sheets.add(s.getSheetName()));
			assertThat(sheets).containsExactly("汇总", "按组织类型", "按人员类别", "按行业", "按乡镇", "按层级");
			Sheet summary = book.getSheet("汇总");
			frozenHeader(summary);
			assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(((Number) stats.get("orgs")).doubleValue());
			assertThat(summary.getRow(2).getCell(1).getNumericCellValue())
				.isEqualTo(((Number) stats.get("members")).doubleValue());
			assertCounts(book.getSheet("按组织类型"), stats.get("orgsByKind"));
			assertCounts(book.getSheet("按人员类别"), stats.get("membersByStatus"));
			assertCounts(book.getSheet("按行业"), stats.get("membersByTrade"));
			assertCounts(book.getSheet("按乡镇"), stats.get("membersByTownship"));
			assertThat(book.getSheet("按层级").getLastRowNum()).isEqualTo(((List<?>) stats.get("levels")).size());
			assertThat(header(book.getSheet("按人员类别"))).containsExactly("代码", "人员类别", "党员数");
		}
		List<String> issues = this.graphQl.document("{ complianceIssues(within: \"o-t-hbt\") { orgId } }")
			.execute()
			.path("complianceIssues[*].orgId").entityList(String.class).get();
		try (XSSFWorkbook book = open(get("/export/compliance.xlsx?within=o-t-hbt", "viewer", null))) {
			Sheet sheet = book.getSheetAt(0);
			frozenHeader(sheet);
			assertThat(header(sheet)).startsWith("严重程度", "规则", "党组织编号", "党组织");
			// o-t-hbt may have no rule break on the shared service (ExportsIT saw 0): the count must match GraphQL's.
			assertThat(sheet.getLastRowNum()).isEqualTo(issues.size());
			List<String> orgIds = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				orgIds.add(sheet.getRow(r).getCell(2).getStringCellValue());
			}
			assertThat(orgIds).isEqualTo(issues);
		}
	}

	@Test
	void aScenarioReportListsEveryMemberMovedInEveryForm() throws Exception {
		Map<String, Object> saved = this.graphQl.document("""
				mutation($name: String!) {
				  saveScenario(name: $name, within: "xe-county",
				    operations: [{op: MERGE, orgs: ["xe-b1", "xe-b2"], name: "甲乙村聯合黨支部"}]) {
				    report { membersMoved markdown moves { memberId fromOrg toOrg } } errors { message } } }""")
			.variable("name", SCENARIO)
			.execute()
			.path("saveScenario.errors").entityList(Object.class).hasSize(0)
			.path("saveScenario.report").entity(Map.class).get();
		@SuppressWarnings("unchecked")
		List<Map<String, String>> moves = (List<Map<String, String>>) saved.get("moves");
		assertThat(saved.get("membersMoved")).isEqualTo(140);
		assertThat(moves).hasSize(140);
		Set<String> movedIds = new LinkedHashSet<>();
		moves.forEach((m) -> movedIds.add(m.get("memberId")));

		// Markdown: a table row per member, no "… and N more".
		String markdown = (String) saved.get("markdown");
		assertThat(markdown).doesNotContain("more.");
		for (String id : movedIds) {
			assertThat(markdown).contains("(" + id + ") | ");
		}

		String base = "/scenarios/" + URLEncoder.encode(SCENARIO, StandardCharsets.UTF_8).replace("+", "%20");
		// The workbook: a sheet with every member moved, from and to.
		HttpResponse<byte[]> xlsx = get(base + "/report.xlsx", "analyst", null);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = open(xlsx)) {
			Sheet sheet = book.getSheet("党员调动");
			frozenHeader(sheet);
			assertThat(header(sheet)).containsExactly("党员编号", "姓名", "原党组织编号", "原党组织", "新党组织编号", "新党组织");
			Set<String> listed = new LinkedHashSet<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				listed.add(row.getCell(0).getStringCellValue());
				assertThat(row.getCell(3).getStringCellValue()).isIn("甲村黨支部", "乙村黨支部");
				assertThat(row.getCell(4).getStringCellValue()).isEqualTo("joint-xe-b1");
				assertThat(row.getCell(5).getStringCellValue()).isEqualTo("甲乙村聯合黨支部");
			}
			assertThat(listed).isEqualTo(movedIds);
			Sheet summary = book.getSheet("概要");
			assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo(SCENARIO);
			assertThat(book.getSheet("操作步骤").getLastRowNum()).isEqualTo(1);
			assertThat(book.getSheet("新增的问题")).isNotNull();
			assertThat(book.getSheet("纠正的问题")).isNotNull();
		}

		// The CSV: the step, then a MEMBER_MOVED row per member.
		HttpResponse<byte[]> csv = get(base + "/changes.csv", "analyst", null);
		String[] lines = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).isEqualTo("step,op,org,target,member,description");
		assertThat(lines[1]).startsWith("1,MERGE,xe-b1 xe-b2,,,");
		Set<String> csvIds = new LinkedHashSet<>();
		for (int i = 2; i < lines.length; i++) {
			String[] cells = lines[i].split(",", 6);
			assertThat(cells[1]).isEqualTo("MEMBER_MOVED");
			assertThat(cells[2]).isIn("xe-b1", "xe-b2");
			assertThat(cells[3]).isEqualTo("joint-xe-b1");
			assertThat(cells[5]).contains(" → 甲乙村聯合黨支部");
			csvIds.add(cells[4]);
		}
		assertThat(csvIds).isEqualTo(movedIds);

		// The page: every member in it, long tables paged by the jar's own script.
		HttpResponse<byte[]> page = get(base + "/report.html", "analyst", null);
		String html = text(page);
		movedIds.forEach((id) -> assertThat(html).contains("(" + id + ")"));
		assertThat(html).contains("<script src=\"/table-pages.js\"></script>", "href=\"report.xlsx\"");
		// In the request's language (#19): headings and fixed texts, names and ids as stored.
		assertThat(html).contains("<html lang=\"en\">", "<h1>Scenario: ", "Members moved (")
			.doesNotContain("党员调动");
		String simplified = text(get(base + "/report.html", "analyst", "zh-CN,zh;q=0.9,en;q=0.5"));
		assertThat(simplified).contains("<html lang=\"zh-Hans\">", "<h1>调整方案：", "党员调动（", "纠正的问题（",
				"甲乙村聯合黨支部").doesNotContain("Members moved", "黨員調動");
		movedIds.forEach((id) -> assertThat(simplified).contains("(" + id + ")"));
		String traditional = text(get(base + "/report.html", "analyst", "zh-HK"));
		assertThat(traditional).contains("<html lang=\"zh-Hant\">", "<h1>調整方案：", "黨員調動（", "糾正的問題（")
			.doesNotContain("Members moved", "党员调动");
		HttpResponse<byte[]> script = get("/table-pages.js", "analyst", null);
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(text(script)).contains("var PAGE = 100;");

		// A viewer has no scenarios; an unknown name is a 404.
		assertThat(get(base + "/report.xlsx", "viewer", null).statusCode()).isEqualTo(403);
		assertThat(get("/scenarios/nowhere/report.xlsx", "analyst", null).statusCode()).isEqualTo(404);
	}

	private void assertCounts(Sheet sheet, Object expected) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> counts = (List<Map<String, Object>>) expected;
		assertThat(sheet.getLastRowNum()).as(sheet.getSheetName()).isEqualTo(counts.size());
		for (int i = 0; i < counts.size(); i++) {
			Row row = sheet.getRow(i + 1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(counts.get(i).get("key"));
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(((Number) counts.get(i).get("count")).doubleValue());
		}
	}

	private int totalCount(String filter) {
		return this.graphQl.document("{ members(filter: " + filter + ", first: 1) { totalCount } }")
			.execute()
			.path("members.totalCount").entity(Integer.class).get();
	}

	private static void frozenHeader(Sheet sheet) {
		PaneInformation pane = sheet.getPaneInformation();
		assertThat(pane).as(sheet.getSheetName() + " pane").isNotNull();
		assertThat(pane.isFreezePane()).isTrue();
		assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
		assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
	}

	private static List<String> header(Sheet sheet) {
		List<String> cells = new ArrayList<>();
		sheet.getRow(0).forEach((c) -> cells.add(c.getStringCellValue()));
		return cells;
	}

	private static XSSFWorkbook open(HttpResponse<byte[]> answer) throws IOException {
		assertThat(answer.statusCode()).as(text(answer)).isEqualTo(200);
		return new XSSFWorkbook(new ByteArrayInputStream(answer.body()));
	}

	private static String text(HttpResponse<byte[]> answer) {
		return new String(answer.body(), StandardCharsets.UTF_8);
	}

	private HttpResponse<byte[]> get(String path, String user, String language) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60));
		if (user != null) {
			String password = "admin".equals(user) ? TestApp.ADMIN_PASSWORD : TestApp.USER_PASSWORD;
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
