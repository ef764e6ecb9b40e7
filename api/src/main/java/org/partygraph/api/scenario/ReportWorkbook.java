package org.partygraph.api.scenario;

import java.util.List;

import org.partygraph.api.export.Column;
import org.partygraph.api.export.XlsxBook;
import org.partygraph.api.export.Zh;
import org.partygraph.queries.pattern.Metric;
import org.partygraph.queries.rules.ComplianceIssue;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.scenario.Scenario;
import org.partygraph.queries.scenario.ScenarioDetails;
import org.partygraph.queries.scenario.ScenarioDetails.OrgChartChange;
import org.partygraph.queries.scenario.ScenarioDetails.Step;
import org.partygraph.queries.whatif.MemberMove;
import org.partygraph.queries.whatif.Operation;
import org.partygraph.queries.whatif.WhatIfReport;

/**
 * A saved scenario's report as a workbook ({@code /scenarios/{name}/report.xlsx}), one sheet each:
 * a summary, the figures before and after, every step, every member moved (from and to), the org
 * chart's changes, and the rule breaks fixed and introduced. Members moved, figures and rule
 * breaks come from the report on the live graph now; when there is none (the scenario was applied,
 * or no longer applies) the summary says why and those sheets hold only their header.
 */
final class ReportWorkbook {

	private ReportWorkbook() {
	}

	static void write(XlsxBook book, ScenarioDetails details, String scopeName, OrgNames names, Zh zh) {
		Scenario scenario = details.scenario();
		WhatIfReport report = details.report();
		XlsxBook.Sheet summary = book.sheet(zh.pick("概要", "概要"),
				List.of(new Column("项目", "項目", 16), new Column("内容", "內容", 60)), zh);
		summary.row(zh.pick("方案名称", "方案名稱"), scenario.name());
		summary.row(zh.pick("范围", "範圍"), (scenario.within() == null) ? zh.pick("全部", "全部")
				: ((scopeName != null) ? scopeName + " (" + scenario.within() + ")" : scenario.within()));
		summary.row(zh.pick("操作数", "操作數"), scenario.operationCount());
		summary.row(zh.pick("保存时间 (UTC)", "保存時間 (UTC)"), scenario.savedAt());
		summary.row(zh.pick("保存人", "保存人"), scenario.savedBy());
		summary.row(zh.pick("备注", "備註"), scenario.note());
		summary.row(zh.pick("应用时间 (UTC)", "應用時間 (UTC)"), scenario.appliedAt());
		summary.row(zh.pick("实际图谱已变动", "實際圖譜已變動"), details.liveChanged() ? zh.pick("是", "是") : zh.pick("否", "否"));
		if (report != null) {
			summary.row(zh.pick("调动党员数", "調動黨員數"), report.membersMoved());
			summary.row(zh.pick("新建党组织数", "新建黨組織數"), report.orgsCreated().size());
			summary.row(zh.pick("撤销党组织数", "撤銷黨組織數"), report.orgsDissolved().size());
			summary.row(zh.pick("纠正问题数", "糾正問題數"), report.issuesFixed().size());
			summary.row(zh.pick("新增问题数", "新增問題數"), report.issuesIntroduced().size());
		}
		else {
			summary.row(zh.pick("无报告", "無報告"), details.reportError());
		}

		XlsxBook.Sheet figures = book.sheet(zh.pick("指标", "指標"), List.of(new Column("指标", "指標", 28),
				new Column("调整前", "調整前", 10), new Column("调整后", "調整後", 10), new Column("变化", "變化", 10)), zh);
		if (report != null) {
			for (int i = 0; i < report.before().size(); i++) {
				Metric b = report.before().get(i);
				Metric a = report.after().get(i);
				figures.row(b.key(), b.value(), a.value(), a.value() - b.value());
			}
		}

		XlsxBook.Sheet steps = book.sheet(zh.pick("操作步骤", "操作步驟"), List.of(new Column("步骤", "步驟", 6),
				new Column("操作", "操作", 20), new Column("党组织", "黨組織", 24), new Column("目标党组织", "目標黨組織", 16),
				new Column("党员", "黨員", 14), new Column("说明", "說明", 80)), zh);
		for (Step step : details.steps()) {
			Operation op = step.operation();
			String org = op.orgs().isEmpty() ? op.org() : String.join(" ", op.orgs());
			steps.row(step.step(), (op.op() != null) ? op.op().name() : null, org, op.target(), op.member(),
					String.join("; ", step.description(zh.lang())) + (step.live() ? "" : zh.pick(" （按保存时）", " （按保存時）")));
		}

		XlsxBook.Sheet moves = book.sheet(zh.pick("党员调动", "黨員調動"), List.of(new Column("党员编号", "黨員編號", 14),
				new Column("姓名", "姓名", 10), new Column("原党组织编号", "原黨組織編號", 16),
				new Column("原党组织", "原黨組織", 28), new Column("新党组织编号", "新黨組織編號", 16),
				new Column("新党组织", "新黨組織", 28)), zh);
		if (report != null) {
			for (MemberMove move : report.moves()) {
				moves.row(move.memberId(), move.memberName(), move.fromOrg(), names.from(move.fromOrg()), move.toOrg(),
						names.to(move.toOrg()));
			}
		}

		XlsxBook.Sheet orgs = book.sheet(zh.pick("组织变动", "組織變動"), List.of(new Column("变动", "變動", 20),
				new Column("党组织编号", "黨組織編號", 16), new Column("党组织", "黨組織", 28), new Column("类型", "類型", 16),
				new Column("原", "原", 28), new Column("新", "新", 28)), zh);
		for (OrgChartChange change : details.orgChanges()) {
			orgs.row(change.change(), change.orgId(), change.orgName(), change.kind(), change.from(), change.to());
		}

		issues(book, zh, zh.pick("纠正的问题", "糾正的問題"), (report != null) ? report.issuesFixed() : List.of());
		issues(book, zh, zh.pick("新增的问题", "新增的問題"), (report != null) ? report.issuesIntroduced() : List.of());
	}

	private static void issues(XlsxBook book, Zh zh, String name, List<ComplianceIssue> issues) {
		XlsxBook.Sheet sheet = book.sheet(name, List.of(new Column("严重程度", "嚴重程度", 8),
				new Column("规则", "規則", 24), new Column("党组织编号", "黨組織編號", 16), new Column("党组织", "黨組織", 28),
				new Column("问题", "問題", 60)), zh);
		for (ComplianceIssue issue : issues) {
			sheet.row(issue.severity().name(), issue.rule().name(), issue.orgId(), issue.orgName(),
					issue.message(Messages.bundled(), zh.lang()));
		}
	}

}
