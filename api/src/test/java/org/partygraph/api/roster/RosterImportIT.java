package org.partygraph.api.roster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partygraph.api.ServiceTestBase;
import org.partygraph.api.TestApp;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster import over HTTP on the shared service: the Excel round trip (a township's
 * members.xlsx imported back, dry run and for real, changes nothing), a CSV with simplified
 * headers that adds, updates and transfers, a refusal listing every problem by row and column with
 * nothing written, the scope (an org outside it is an unknown one), and files that are no roster or
 * too large.
 */
class RosterImportIT extends ServiceTestBase {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RESULT = """
			dryRun added updated transferred unchanged ignoredColumns
			rows { row memberId name action changes }
			errors { row column field message }
			""";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	void ownCounty() {
		String county = """
				{"format": "party-graph/1", "name": "花名冊測試縣",
				 "units": [{"id": "xr-u", "kind": "COUNTY", "name": "花名冊測試縣"},
				  {"id": "xr-u1", "kind": "VILLAGE", "name": "花名冊甲村", "locatedIn": "xr-u"},
				  {"id": "xr-u2", "kind": "ENTERPRISE", "name": "花名冊農機廠", "locatedIn": "xr-u"},
				  {"id": "xr-u3", "kind": "ENTERPRISE", "name": "花名冊倉庫", "locatedIn": "xr-u"},
				  {"id": "xr-u4", "kind": "ENTERPRISE", "name": "花名冊倉庫", "locatedIn": "xr-u"}],
				 "orgs": [
				  {"id": "xr-county", "kind": "COUNTY_COMMITTEE", "name": "中共花名冊測試縣委", "units": ["xr-u"]},
				  {"id": "xr-t", "kind": "TOWNSHIP_COMMITTEE", "name": "戊鄉黨委", "parent": "xr-county"},
				  {"id": "xr-b1", "kind": "BRANCH", "name": "甲村黨支部", "parent": "xr-t"},
				  {"id": "xr-b2", "kind": "BRANCH", "name": "乙村黨支部", "parent": "xr-t"},
				  {"id": "xr-b3", "kind": "BRANCH", "name": "乙村黨支部", "parent": "xr-county"},
				  {"id": "xr-g1", "kind": "PARTY_GROUP", "name": "第一黨小組", "parent": "xr-b1"},
				  {"id": "xr-g2", "kind": "PARTY_GROUP", "name": "第二黨小組", "parent": "xr-b1"},
				  {"id": "xr-g3", "kind": "PARTY_GROUP", "name": "第一黨小組", "parent": "xr-b2"},
				  {"id": "xr-g4", "kind": "PARTY_GROUP", "name": "第一黨小組", "parent": "xr-b3"}],
				 "members": [
				  {"id": "xr-m1", "name": "孫一", "status": "FULL", "org": "xr-b1", "gender": "M", "joined": "2001-07-01",
				   "idNumber": "%s", "phone": "13900000001", "group": "xr-g1", "unit": "xr-u1"},
				  {"id": "xr-m2", "name": "孫二", "status": "PROBATIONARY", "org": "xr-b1", "gender": "F", "joined": "2024-07-01",
				   "idNumber": "%s"}]}
				""".formatted(id("14062219800102001"), id("14062219900304002"));
		// Dated back, so that asOf a day between shows the county before the roster changed it.
		this.graphQl.document("mutation($json: String!) { importDataset(json: $json, on: \"2020-01-01\") { dataset errors { message } } }")
			.variable("json", county)
			.execute()
			.path("importDataset.errors").entityList(Object.class).hasSize(0);
	}

	@Test
	void aTownshipsMembersXlsxImportedBackChangesNothing() throws Exception {
		int members = count("o-t-hbt");
		HttpResponse<byte[]> download = send(HttpRequest.newBuilder(uri("/export/members.xlsx?within=o-t-hbt")), "hbt-admin");
		assertThat(download.statusCode()).isEqualTo(200);
		byte[] before = download.body();
		for (boolean dryRun : List.of(true, false)) {
			HttpResponse<byte[]> answer = upload("hbt-admin", "members-o-t-hbt.xlsx", before, "o-t-hbt", dryRun);
			JsonNode result = JSON.readTree(answer.body());
			assertThat(answer.statusCode()).as(result.toString()).isEqualTo(200);
			assertThat(result.get("errors")).isEmpty();
			assertThat(result.get("dryRun").asBoolean()).isEqualTo(dryRun);
			assertThat(List.of(result.get("added").asInt(), result.get("updated").asInt(), result.get("transferred").asInt(),
					result.get("unchanged").asInt())).as(result.toString()).containsExactly(0, 0, 0, members);
			assertThat(result.get("ignoredColumns")).isEmpty();
		}
		// The same file through GraphQL, base64.
		Map<String, Object> viaGraphQl = importRoster(TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD),
				"o-t-hbt", Base64.getEncoder().encodeToString(before), "XLSX", true);
		assertThat(viaGraphQl).containsEntry("unchanged", members).containsEntry("added", 0).containsEntry("updated", 0);
		assertThat(count("o-t-hbt")).isEqualTo(members);
		byte[] after = send(HttpRequest.newBuilder(uri("/export/members.xlsx?within=o-t-hbt")), "hbt-admin").body();
		assertThat(cells(after)).isEqualTo(cells(before)).hasSize(members + 1);
		// Groups and units are applied on import, and the file names some: they came back as they were.
		List<Map<String, String>> rows = table(after);
		assertThat(rows).filteredOn((r) -> !r.get("党小组").isEmpty()).isNotEmpty();
		assertThat(rows).filteredOn((r) -> !r.get("工作单位").isEmpty()).isNotEmpty();
		assertThat(table(after)).isEqualTo(table(before));
	}

	@Test
	void groupsAndUnitsGoInAndComeBackOut() throws Exception {
		byte[] before = send(HttpRequest.newBuilder(uri("/export/members.xlsx?within=xr-t")), "admin").body();
		assertThat(row(table(before), "xr-m1")).containsEntry("党小组", "第一黨小組").containsEntry("工作单位", "花名冊甲村");
		// xr-m1 moved to the other group of its branch and another unit, both named in simplified characters
		byte[] edited = edit(before, "xr-m1", Map.of("党小组", "第二党小组", "工作单位", "花名册农机厂"));
		Map<String, Object> dry = importRoster(this.graphQl, "xr-t", Base64.getEncoder().encodeToString(edited), "XLSX", true);
		assertThat(dry.get("errors")).as(dry.toString()).isEqualTo(List.of());
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> planned = (List<Map<String, Object>>) dry.get("rows");
		assertThat(planned).filteredOn((r) -> "xr-m1".equals(r.get("memberId"))).singleElement().satisfies((r) -> {
			assertThat(r.get("action")).as(r + " of " + table(edited)).isEqualTo("UPDATED");
			assertThat(r.get("changes")).isEqualTo(List.of("unit: xr-u1 → xr-u2", "group: xr-g1 → xr-g2"));
		});
		assertThat(planned).filteredOn((r) -> !"xr-m1".equals(r.get("memberId")))
			.allSatisfy((r) -> assertThat(r.get("action")).isEqualTo("UNCHANGED"));
		assertThat(groupAndUnit("xr-m1")).as("a dry run writes nothing").isEqualTo(List.of("xr-g1", "xr-u1"));
		Map<String, Object> done = importRoster(this.graphQl, "xr-t", Base64.getEncoder().encodeToString(edited), "XLSX", false);
		assertThat(done).as(done.toString()).containsEntry("updated", 1).containsEntry("errors", List.of());
		assertThat(groupAndUnit("xr-m1")).isEqualTo(List.of("xr-g2", "xr-u2"));
		this.graphQl.document("{ org(id: \"xr-g2\") { memberCount } }").execute().path("org.memberCount").entity(Integer.class)
			.isEqualTo(1);
		// Exported again, the file shows them, and imports back changing nothing.
		byte[] after = send(HttpRequest.newBuilder(uri("/export/members.xlsx?within=xr-t")), "admin").body();
		assertThat(row(table(after), "xr-m1")).containsEntry("党小组", "第二黨小組").containsEntry("工作单位", "花名冊農機廠");
		Map<String, Object> back = importRoster(this.graphQl, "xr-t", Base64.getEncoder().encodeToString(after), "XLSX", false);
		assertThat(back).as(back.toString()).containsEntry("updated", 0).containsEntry("transferred", 0)
			.containsEntry("added", 0).containsEntry("unchanged", table(after).size());
		// A new member goes into the group of its org and the unit named.
		String csv = "姓名,入党时间,人员类别,党组织编号,党小组,工作单位\n郑新,2020-01-01,正式党员,xr-b3,第一党小组,花名冊甲村";
		Map<String, Object> added = importRoster(this.graphQl, "xr-county", csv, "CSV", false);
		assertThat(added).as(added.toString()).containsEntry("added", 1);
		@SuppressWarnings("unchecked")
		Map<String, Object> addedRow = ((List<Map<String, Object>>) added.get("rows")).get(0);
		assertThat((List<Object>) addedRow.get("changes")).contains("group: xr-g4", "unit: xr-u1");
		assertThat(groupAndUnit((String) addedRow.get("memberId"))).isEqualTo(List.of("xr-g4", "xr-u1"));
		// Unknown or ambiguous: every problem by row and column, nothing written.
		String bad = String.join("\n", "姓名,党员编号,入党时间,人员类别,所在党组织,党小组,工作单位",
				"孫一,xr-m1,2001-07-01,,,第九党小组,花名冊倉庫",
				"郑甲,,2020-01-01,正式党员,乙村党支部,第一党小组,無此單位",
				"郑乙,,2020-01-01,正式党员,甲村党支部,第一黨小組,花名册仓库");
		int count = count("xr-county");
		Map<String, Object> refused = importRoster(this.graphQl, "xr-t", bad, "CSV", false);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.get("errors");
		assertThat(errors).extracting((e) -> e.get("row") + " " + e.get("column") + " " + e.get("field"))
			.containsExactly("2 党小组 GROUP", "2 工作单位 UNIT", "3 工作单位 UNIT", "4 工作单位 UNIT");
		assertThat(errors.get(0).get("message").toString()).contains("no party group is named '第九党小组' under xr-b1");
		assertThat(errors.get(1).get("message").toString()).contains("names 2 units").contains("xr-u3").contains("xr-u4");
		assertThat(errors.get(2).get("message").toString()).isEqualTo("no unit is named '無此單位'");
		// In the request's language (#19): rows, columns, fields, names and ids as they are.
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> simplified = (List<Map<String, Object>>) importRoster(
				this.graphQl.mutate().header("Accept-Language", "zh-CN").build(), "xr-t", bad, "CSV", false).get("errors");
		assertThat(simplified).extracting((e) -> e.get("row") + " " + e.get("column") + " " + e.get("field"))
			.containsExactly("2 党小组 GROUP", "2 工作单位 UNIT", "3 工作单位 UNIT", "4 工作单位 UNIT");
		assertThat(simplified.get(0).get("message").toString()).startsWith("xr-b1下没有名为“第九党小组”的党小组（其党小组：");
		assertThat(simplified.get(1).get("message").toString()).startsWith("“花名冊倉庫”对应2个单位（").contains("xr-u3", "xr-u4");
		assertThat(simplified.get(2).get("message")).isEqualTo("没有名为“無此單位”的单位");
		assertThat(count("xr-county")).isEqualTo(count);
		assertThat(groupAndUnit("xr-m1")).isEqualTo(List.of("xr-g2", "xr-u2"));
	}

	@Test
	void aCsvWithSimplifiedHeadersAddsUpdatesAndTransfers() {
		String csv = String.join("\n", "姓名,性别,出生日期,身份证号,入党时间,转正时间,人员类别,所在党组织,联系电话,党员编号,备注",
				"周五,男,1985/3/12," + id("14062219850312001") + ",2010年7月1日,2011.7.1,,甲村党支部,13900000005,,新",
				"吴六,女,,,2024-03-01,,预备党员,乙村党支部,,xr-m6,新",
				"孫一,,,,2001-07-01,,预备党员,,13900000009,xr-m1,改电话",
				"孫二,,," + id("14062219900304002") + ",2024-07-01,,,乙村党支部,,,转出 (matched by 身份证号)");
		int before = count("xr-t");
		Map<String, Object> dry = importRoster(this.graphQl, "xr-t", csv, "CSV", true);
		assertThat(dry).as(dry.toString()).containsEntry("errors", List.of()).containsEntry("added", 2)
			.containsEntry("updated", 1).containsEntry("transferred", 1).containsEntry("unchanged", 0)
			.containsEntry("ignoredColumns", List.of("备注"));
		assertThat(count("xr-t")).as("a dry run writes nothing").isEqualTo(before);
		Map<String, Object> done = importRoster(this.graphQl, "xr-t", csv, "CSV", false);
		assertThat(done).as(done.toString()).containsEntry("added", 2).containsEntry("updated", 1)
			.containsEntry("transferred", 1);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) done.get("rows");
		assertThat(rows).extracting((r) -> r.get("row") + " " + r.get("action"))
			.containsExactly("2 ADDED", "3 ADDED", "4 UPDATED", "5 TRANSFERRED");
		assertThat(rows.get(1).get("memberId")).isEqualTo("xr-m6");
		assertThat(rows.get(2).get("changes"))
			.isEqualTo(List.of("status: FULL → PROBATIONARY", "phone: 13900000001 → 13900000009"));
		assertThat(count("xr-t")).isEqualTo(before + 2);
		String newId = (String) rows.get(0).get("memberId");
		Map<String, Object> added = this.graphQl
			.document("{ member(id: \"" + newId + "\") { name status gender joined birthDate idNumber org { id } } }")
			.execute()
			.path("member").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		assertThat(added).containsEntry("name", "周五").containsEntry("status", "FULL").containsEntry("gender", "M")
			.containsEntry("joined", "2010-07-01").containsEntry("birthDate", "1985-03-12")
			.containsEntry("org", Map.of("id", "xr-b1"));
		this.graphQl.document("{ member(id: \"xr-m1\") { phone } }").execute().path("member.phone").entity(String.class)
			.isEqualTo("13900000009");
		this.graphQl.document("{ member(id: \"xr-m2\") { org { id } transfers { from { id } to { id } reason } } }")
			.execute()
			.path("member.org.id").entity(String.class).isEqualTo("xr-b2")
			.path("member.transfers[0].reason").entity(String.class).isEqualTo("roster import");
		// asOf a day before the import: the members, statuses and orgs as they were (the events undone).
		assertThat(byStatus("2021-01-01")).isEqualTo(Map.of("FULL", 1, "PROBATIONARY", 1));
		assertThat(byStatus(null)).isEqualTo(Map.of("FULL", 1, "PROBATIONARY", 3));
		// The same file again: nothing left to change.
		Map<String, Object> again = importRoster(this.graphQl, "xr-t", csv, "CSV", false);
		assertThat(again).as(again.toString()).containsEntry("unchanged", 4).containsEntry("added", 0);
	}

	@Test
	void everyProblemByRowAndColumnAndNothingWritten() {
		String valid = id("14062219700101001");
		String badChecksum = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
		String csv = String.join("\n", "姓名,身份证号,入党时间,人员类别,所在党组织",
				"郑七," + badChecksum + ",2000-01-01,正式党员,甲村党支部",
				"郑八,,2000-02-30,正式党员,甲村党支部",
				"郑九,,2000-03-01,正式党员,丙村党支部",
				"郑十,,2000-03-01,正式党员,乙村党支部");
		int before = count("xr-county");
		Map<String, Object> refused = importRoster(this.graphQl, "xr-county", csv, "CSV", false);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.get("errors");
		assertThat(errors).extracting((e) -> e.get("row") + " " + e.get("column") + " " + e.get("field"))
			.containsExactly("2 身份证号 ID_NUMBER", "3 入党时间 JOINED", "4 所在党组织 ORG_NAME", "5 所在党组织 ORG_NAME");
		assertThat(errors.get(0).get("message").toString()).contains("checksum");
		assertThat(errors.get(2).get("message").toString()).contains("no org is named '丙村党支部'");
		assertThat(errors.get(3).get("message").toString()).contains("names 2 orgs").contains("xr-b2").contains("xr-b3");
		assertThat(refused).containsEntry("added", 0).containsEntry("rows", List.of());
		assertThat(count("xr-county")).isEqualTo(before);
		// The file's own problems in the request's language too (#19): rows, columns, fields and the number as they are.
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> traditional = (List<Map<String, Object>>) importRoster(
				this.graphQl.mutate().header("Accept-Language", "zh-TW").build(), "xr-county", csv, "CSV", false)
			.get("errors");
		assertThat(traditional.get(0)).containsEntry("row", 2).containsEntry("column", "身份证号")
			.containsEntry("field", "ID_NUMBER")
			.containsEntry("message", "「" + badChecksum + "」：檢查碼是" + badChecksum.charAt(17) + "，按檢查演算法應為"
					+ valid.charAt(17));
		Map<String, Object> missing = importRoster(this.graphQl, "xr-county", "名字,入党时间\n甲,2000-01-01", "CSV", false);
		assertThat(missing.get("errors").toString()).contains("column=姓名").contains("required column missing");
		Map<String, Object> mapped = importRoster(this.graphQl, "xr-county", "名字,入党,支部\n郑十一,2000-01-01,xr-b3",
				"CSV", true, List.of(Map.of("header", "名字", "field", "NAME"), Map.of("header", "入党", "field", "入黨時間"),
						Map.of("header", "支部", "field", "ORG_ID")));
		assertThat(mapped.get("errors").toString()).contains("row=2").contains("人员类别");
		Map<String, Object> twice = importRoster(this.graphQl, "xr-t", "姓名,入党时间,党员编号,身份证号\n孫一,2001-07-01,xr-m1,\n孫一,2001-07-01,,"
				+ id("14062219800102001"), "CSV", true);
		assertThat(twice.get("errors").toString()).contains("row=3").contains("member xr-m1 is row 2 already");
	}

	@Test
	void anOrgOutsideTheScopeIsRefusedAsAnUnknownOne() throws Exception {
		HttpGraphQlTester hbtAdmin = TestApp.tester(this.port, "hbt-admin", TestApp.USER_PASSWORD);
		Map<String, Object> outside = importRoster(hbtAdmin, "xr-t", "姓名,入党时间\n甲,2000-01-01", "CSV", true);
		Map<String, Object> unknown = importRoster(hbtAdmin, "xr-nowhere", "姓名,入党时间\n甲,2000-01-01", "CSV", true);
		assertThat(outside.get("errors").toString()).isEqualTo(unknown.get("errors").toString().replace("xr-nowhere", "xr-t"))
			.contains("no org has id 'xr-t'");
		Map<String, Object> row = importRoster(hbtAdmin, "o-t-hbt", "姓名,入党时间,人员类别,党组织编号\n甲,2000-01-01,正式党员,xr-b1",
				"CSV", true);
		Map<String, Object> rowUnknown = importRoster(hbtAdmin, "o-t-hbt",
				"姓名,入党时间,人员类别,党组织编号\n甲,2000-01-01,正式党员,xr-nowhere", "CSV", true);
		assertThat(row.get("errors").toString()).contains("no org has id 'xr-b1' in o-t-hbt's subtree")
			.isEqualTo(rowUnknown.get("errors").toString().replace("xr-nowhere", "xr-b1"));
		// A lower role is refused; HTTP too.
		HttpGraphQlTester analyst = TestApp.tester(this.port, "hbt-analyst", TestApp.USER_PASSWORD);
		analyst.document("mutation { importRoster(org: \"o-t-hbt\", content: \"姓名\", dryRun: true) { added } }")
			.execute()
			.errors()
			.satisfy((e) -> assertThat(e).singleElement().satisfies((x) -> {
				assertThat(x.getErrorType().toString()).isEqualTo("FORBIDDEN");
				assertThat(x.getMessage()).isEqualTo("Forbidden");
			}));
		// In the request's language (#19), the classification as it is.
		analyst.mutate().header("Accept-Language", "zh-CN").build()
			.document("mutation { importRoster(org: \"o-t-hbt\", content: \"姓名\", dryRun: true) { added } }")
			.execute()
			.errors()
			.satisfy((e) -> assertThat(e).singleElement().satisfies((x) -> {
				assertThat(x.getErrorType().toString()).isEqualTo("FORBIDDEN");
				assertThat(x.getMessage()).isEqualTo("无权访问（你的角色不能读取或更改此项）");
			}));
		assertThat(upload("hbt-analyst", "r.csv", "姓名\n".getBytes(StandardCharsets.UTF_8), "o-t-hbt", true).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aFileThatIsNoSpreadsheetOrTooLargeIsRefused() throws Exception {
		HttpResponse<byte[]> png = upload("admin", "photo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13 },
				"xr-t", false);
		assertThat(png.statusCode()).isEqualTo(400);
		assertThat(new String(png.body(), StandardCharsets.UTF_8)).contains("'photo.png' is neither an .xlsx workbook nor CSV");
		HttpResponse<byte[]> fakeXlsx = upload("admin", "r.xlsx", "PK\u0003\u0004not really".getBytes(StandardCharsets.ISO_8859_1),
				"xr-t", false);
		assertThat(fakeXlsx.statusCode()).isEqualTo(400);
		assertThat(new String(fakeXlsx.body(), StandardCharsets.UTF_8)).contains("'r.xlsx' is not a readable .xlsx workbook");
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		HttpResponse<byte[]> tooLarge = upload("admin", "big.csv", big, "xr-t", false);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(new String(tooLarge.body(), StandardCharsets.UTF_8)).contains("party-graph.roster.max-bytes");
		Map<String, Object> notBase64 = importRoster(this.graphQl, "xr-t", "%%%", "XLSX", true);
		assertThat(notBase64.get("errors").toString()).contains("not base64");
		// A mapping over HTTP: HEADER=FIELD, repeated.
		HttpResponse<byte[]> mapped = upload("admin", "r.csv", "名字,入党,支部,类\n郑十二,2000-01-01,xr-b2,正式党员\n"
			.getBytes(StandardCharsets.UTF_8), "xr-t", true, "名字=NAME", "入党=入黨時間", "支部=ORG_ID", "类=STATUS");
		JsonNode plan = JSON.readTree(mapped.body());
		assertThat(mapped.statusCode()).as(plan.toString()).isEqualTo(200);
		assertThat(plan.get("added").asInt()).isEqualTo(1);
		assertThat(plan.get("rows").get(0).get("changes").toString()).contains("org: xr-b2");
	}

	private Map<String, Object> importRoster(HttpGraphQlTester tester, String org, String content, String format,
			boolean dryRun) {
		return importRoster(tester, org, content, format, dryRun, null);
	}

	private Map<String, Object> importRoster(HttpGraphQlTester tester, String org, String content, String format,
			boolean dryRun, List<Map<String, String>> mapping) {
		return tester
			.document("mutation($org: ID!, $content: String!, $format: RosterFormat, $dryRun: Boolean, $mapping: [RosterColumnInput!]) "
					+ "{ importRoster(org: $org, content: $content, format: $format, dryRun: $dryRun, mapping: $mapping) { "
					+ RESULT + " } }")
			.variable("org", org)
			.variable("content", content)
			.variable("format", format)
			.variable("dryRun", dryRun)
			.variable("mapping", mapping)
			.execute()
			.path("importRoster")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private Map<String, Integer> byStatus(String asOf) {
		List<Map<String, Object>> counts = this.graphQl
			.document("query($asOf: Date) { statistics(within: \"xr-t\", asOf: $asOf) { membersByStatus { key count } } }")
			.variable("asOf", asOf)
			.execute()
			.path("statistics.membersByStatus")
			.entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		Map<String, Integer> byKey = new java.util.HashMap<>();
		counts.forEach((c) -> byKey.put((String) c.get("key"), ((Number) c.get("count")).intValue()));
		byKey.values().removeIf((n) -> n == 0);
		return byKey;
	}

	private int count(String within) {
		return this.graphQl.document("{ members(filter: {within: \"" + within + "\"}, first: 1) { totalCount } }")
			.execute()
			.path("members.totalCount").entity(Integer.class).get();
	}

	private HttpResponse<byte[]> upload(String user, String fileName, byte[] file, String org, boolean dryRun,
			String... mapping) throws Exception {
		String boundary = "----roster" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		List<String[]> fields = new ArrayList<>(List.of(new String[] { "org", org }, new String[] { "dryRun", String.valueOf(dryRun) }));
		for (String pair : mapping) {
			fields.add(new String[] { "mapping", pair });
		}
		for (String[] field : fields) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri("/import/roster"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), user);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request, String user) throws Exception {
		String password = "admin".equals(user) ? TestApp.ADMIN_PASSWORD : TestApp.USER_PASSWORD;
		request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(60));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** The member's group and unit ids. */
	private List<String> groupAndUnit(String member) {
		Map<String, Object> m = this.graphQl.document("{ member(id: \"" + member + "\") { group { id } unit { id } } }")
			.execute()
			.path("member").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		java.util.function.Function<Object, String> id = (o) -> (o instanceof Map<?, ?> x) ? (String) x.get("id") : null;
		return java.util.Arrays.asList(id.apply(m.get("group")), id.apply(m.get("unit")));
	}

	/** The row of a member (by 党员编号) of a table. */
	private static Map<String, String> row(List<Map<String, String>> table, String member) {
		return table.stream().filter((r) -> member.equals(r.get("党员编号"))).findFirst().orElseThrow();
	}

	/** The first sheet's rows below the header, each cell by its column's header (empty cells as ""). */
	private static List<Map<String, String>> table(byte[] xlsx) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				Map<String, String> cells = new java.util.LinkedHashMap<>();
				for (int c = 0; c < header.getLastCellNum(); c++) {
					cells.put(header.getCell(c).getStringCellValue(),
							(row != null && row.getCell(c) != null) ? format.formatCellValue(row.getCell(c)) : "");
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/** The workbook with some cells of a member's row (by 党员编号) set to other texts. */
	private static byte[] edit(byte[] xlsx, String member, Map<String, String> values) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(0);
			Map<String, Integer> column = new java.util.HashMap<>();
			header.forEach((c) -> column.put(c.getStringCellValue(), c.getColumnIndex()));
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row != null && row.getCell(column.get("党员编号")) != null
						&& member.equals(row.getCell(column.get("党员编号")).getStringCellValue())) {
					values.forEach((h, v) -> {
						int c = column.get(h);
						// a new cell: POI sets an inline-string cell's value beside the inline text, which readers ignore
						if (row.getCell(c) != null) {
							row.removeCell(row.getCell(c));
						}
						row.createCell(c).setCellValue(v);
					});
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	/** Every cell of the first sheet as text, row by row. */
	private static List<List<String>> cells(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				row.forEach((c) -> cells.add(format.formatCellValue(c)));
				rows.add(cells);
			}
		}
		return rows;
	}

	/** A valid ID number from its first 17 digits (GB 11643-1999 check character). */
	private static String id(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

}
