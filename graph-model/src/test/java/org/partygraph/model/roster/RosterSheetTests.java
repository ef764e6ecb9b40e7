package org.partygraph.model.roster;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partygraph.model.BundledEnglish;
import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterSheetTests {

	// valid: 11010519491231002X (the standard's example), 140624198503120019 (checksum 9)
	private static final String VALID_X = "11010519491231002X";

	@Test
	void idNumberChecksum() {
		assertThat(IdNumberCheck.problem(VALID_X)).isNull();
		assertThat(IdNumberCheck.problem(IdNumberCheck.normalize(" 11010519491231002x "))).isNull();
		assertThat(IdNumberCheck.problem("110105194912310021")).contains("check character is 1, the checksum gives X");
		assertThat(IdNumberCheck.problem("11010519491231002")).contains("not an 18-character");
		assertThat(IdNumberCheck.problem("1101051949123100AX")).contains("character 17 is not a digit");
		assertThat(IdNumberCheck.problem("110105194902300021")).contains("no date");
		assertThat(IdNumberCheck.problem("11010519491231002Y")).contains("0-9 or X");
		for (String wrong : List.of("110105194912310021", "11010519491231002", "1101051949123100AX",
				"110105194902300021", "11010519491231002Y")) {
			assertThatThrownBy(() -> IdNumberCheck.check(wrong)).satisfies(BundledEnglish::assertWorded)
				.hasMessage(IdNumberCheck.problem(wrong));
		}
	}

	@Test
	void datesInEveryUsualShape() {
		LocalDate day = LocalDate.of(2003, 7, 1);
		for (String text : List.of("2003-07-01", "2003-7-1", "2003/7/1", "2003.07.01", "2003年7月1日", "2003年07月01",
				"20030701", "37803", "37803.0", "２００３－０７－０１", "2003-07-01 00:00:00", "2003-07-01T00:00")) {
			assertThat(RosterCells.date(text)).as(text).isEqualTo(day);
		}
		assertThatThrownBy(() -> RosterCells.date("2003-02-30")).hasMessageContaining("no date");
		assertThatThrownBy(() -> RosterCells.date("七月一日")).hasMessageContaining("no date");
		assertThatThrownBy(() -> RosterCells.date("0")).hasMessageContaining("no date")
			.satisfies(BundledEnglish::assertWorded);
		assertThatThrownBy(() -> RosterCells.date("2003-02-30")).satisfies(BundledEnglish::assertWorded);
	}

	@Test
	void genderStatusAndTradeInEitherScript() {
		assertThat(RosterCells.gender("男")).isEqualTo(Gender.M);
		assertThat(RosterCells.gender("F")).isEqualTo(Gender.F);
		assertThat(RosterCells.status("正式黨員")).isEqualTo(MemberStatus.FULL);
		assertThat(RosterCells.status("预备党员")).isEqualTo(MemberStatus.PROBATIONARY);
		assertThat(RosterCells.status("probationary")).isEqualTo(MemberStatus.PROBATIONARY);
		assertThat(RosterCells.trade("运输")).isEqualTo(Trade.TRANSPORT);
		assertThat(RosterCells.trade("商貿")).isEqualTo(Trade.COMMERCE);
		assertThat(RosterCells.trade("PLANTING")).isEqualTo(Trade.PLANTING);
		assertThatThrownBy(() -> RosterCells.gender("未知")).hasMessageContaining("男 or 女");
		assertThatThrownBy(() -> RosterCells.status("群众")).hasMessageContaining("正式党员 or 预备党员");
		assertThatThrownBy(() -> RosterCells.trade("教育")).hasMessageContaining("not a trade")
			.satisfies(BundledEnglish::assertWorded);
		assertThatThrownBy(() -> RosterCells.gender("未知")).satisfies(BundledEnglish::assertWorded);
		assertThatThrownBy(() -> RosterCells.status("群众")).satisfies(BundledEnglish::assertWorded);
	}

	@Test
	void headersSimplifiedTraditionalAndTheExportsOwn() {
		assertThat(RosterField.of("入黨時間")).isEqualTo(RosterField.JOINED);
		assertThat(RosterField.of("入党日期")).isEqualTo(RosterField.JOINED);
		assertThat(RosterField.of("所在黨組織")).isEqualTo(RosterField.ORG_NAME);
		assertThat(RosterField.of("黨組織編號")).isEqualTo(RosterField.ORG_ID);
		assertThat(RosterField.of("身分證號")).isEqualTo(RosterField.ID_NUMBER);
		assertThat(RosterField.of("聯繫電話")).isEqualTo(RosterField.PHONE);
		assertThat(RosterField.of(" 性 別 ")).isEqualTo(RosterField.GENDER);
		assertThat(RosterField.of("轉正時間")).isEqualTo(RosterField.FULL_SINCE);
		assertThat(RosterField.of("id_number")).isEqualTo(RosterField.ID_NUMBER);
		assertThat(RosterField.of("备注")).isNull();
		for (String exported : List.of("姓名", "党员编号", "性别", "人员类别", "入党日期", "行业", "所在党组织", "党组织编号", "党小组",
				"工作单位", "出生日期", "身份证号", "联系电话")) {
			assertThat(RosterField.of(exported)).as(exported).isNotNull();
		}
	}

	@Test
	void rowsParsedWithTraditionalHeaders() {
		RosterSheet sheet = read(
				List.of("姓名", "性別", "出生日期", "身份證號", "入黨時間", "轉正時間", "所在黨組織", "聯繫電話", "備註"),
				List.of(row("張三", "男", "1949/12/31", VALID_X, "1975年7月1日", "1976.7.1", "下寨村黨支部", "13800000000",
						"x"), row("", "", "", "", "", "", "", "", ""), row("李四", "女", "", "", "2024-03-01", "", "", "", "")),
				null, true);
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.ignored()).containsExactly("備註");
		assertThat(sheet.entries()).hasSize(2);
		RosterEntry first = sheet.entries().get(0);
		assertThat(first.row()).isEqualTo(2);
		assertThat(first.name()).isEqualTo("張三");
		assertThat(first.gender()).isEqualTo(Gender.M);
		assertThat(first.status()).isEqualTo(MemberStatus.FULL);
		assertThat(first.joined()).isEqualTo(LocalDate.of(1975, 7, 1));
		assertThat(first.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(first.orgName()).isEqualTo("下寨村黨支部");
		assertThat(first.idNumber()).isEqualTo(VALID_X);
		RosterEntry second = sheet.entries().get(1);
		assertThat(second.row()).isEqualTo(4);
		assertThat(second.status()).isNull();
		assertThat(second.orgName()).isNull();
	}

	@Test
	void everyProblemByRowAndColumn() {
		RosterSheet sheet = read(List.of("姓名", "身份证号", "入党时间", "性别", "人员类别", "转正时间", "党员编号"),
				List.of(row("甲", "110105194912310021", "2020-13-01", "男", "", "", "m-1"),
						row("", VALID_X, "2020-01-01", "X", "预备党员", "2021-01-01", "m-1"),
						row("丙", VALID_X, "2020-01-01", "", "", "", "")),
				null, true);
		assertThat(sheet.problems()).extracting(RosterProblem::row, RosterProblem::column, RosterProblem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "身份证号", "ID_NUMBER"),
					org.assertj.core.groups.Tuple.tuple(2, "入党时间", "JOINED"),
					org.assertj.core.groups.Tuple.tuple(3, "姓名", "NAME"),
					org.assertj.core.groups.Tuple.tuple(3, "性别", "GENDER"),
					org.assertj.core.groups.Tuple.tuple(3, "转正时间", "FULL_SINCE"),
					org.assertj.core.groups.Tuple.tuple(3, "党员编号", "MEMBER_ID"),
					org.assertj.core.groups.Tuple.tuple(4, "身份证号", "ID_NUMBER"));
		assertThat(sheet.problems().get(0).message()).contains("checksum");
		assertThat(sheet.problems().get(5).message()).contains("row 2 already");
		assertThatThrownBy(sheet::entriesOrThrow).isInstanceOf(RosterRejectedException.class)
			.hasMessageContaining("7 problems")
			.satisfies((ex) -> assertThat(((RosterRejectedException) ex).rosterProblems()).hasSize(7));
	}

	@Test
	void missingRequiredColumnsAndTheMapping() {
		RosterSheet missing = read(List.of("名字", "电话"), List.of(row("甲", "1")), null, false);
		assertThat(missing.problems()).extracting(RosterProblem::row, RosterProblem::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "姓名"), org.assertj.core.groups.Tuple.tuple(1, "入党时间"),
					org.assertj.core.groups.Tuple.tuple(1, "所在党组织"));
		RosterSheet mapped = read(List.of("名字", "入党", "支部"), List.of(row("甲", "2001-07-01", "o-1")),
				Map.of("名字", "NAME", "入党", "入黨時間", "支部", "ORG_ID"), false);
		assertThat(mapped.problems()).isEmpty();
		assertThat(mapped.columns()).containsEntry(RosterField.NAME, "名字").containsEntry(RosterField.ORG_ID, "支部");
		assertThat(mapped.entries().get(0).orgId()).isEqualTo("o-1");
		RosterSheet badMapping = read(List.of("姓名", "入党时间"), List.of(),
				Map.of("名称", "NAME", "入党时间", "WHATEVER"), true);
		assertThat(badMapping.problems()).extracting(RosterProblem::column)
			.containsExactlyInAnyOrder("名称", "入党时间");
		RosterSheet twice = read(List.of("姓名", "入党时间", "入黨日期"), List.of(), null, true);
		assertThat(twice.problems()).singleElement()
			.satisfies((p) -> assertThat(p.column()).isEqualTo("入黨日期"));
	}

	@Test
	void csvQuotesBomAndTabs() {
		List<List<String>> rows = RosterCsv.rows("\uFEFF姓名,备注\r\n\"王,五\",\"说\"\"好\"\"\nok\"\r\n赵六,\n");
		assertThat(rows).containsExactly(List.of("姓名", "备注"), List.of("王,五", "说\"好\"\nok"), List.of("赵六", ""));
		assertThat(RosterCsv.rows("姓名\t入党时间\n甲\t2001-07-01")).containsExactly(List.of("姓名", "入党时间"),
				List.of("甲", "2001-07-01"));
		assertThatThrownBy(() -> RosterCsv.rows("姓名\n\"甲")).hasMessageContaining("row 2")
			.satisfies(BundledEnglish::assertWorded);
	}

	/** {@link RosterSheet#read}, after checking that each problem's wording says its English message (#19). */
	private static RosterSheet read(List<String> header, List<List<String>> rows, Map<String, String> mapping,
			boolean orgGiven) {
		RosterSheet sheet = RosterSheet.read(header, rows, mapping, orgGiven);
		sheet.problems().forEach(BundledEnglish::assertWorded);
		return sheet;
	}

	private static List<String> row(String... cells) {
		return Arrays.asList(cells);
	}

}
