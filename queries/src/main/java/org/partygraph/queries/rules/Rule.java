package org.partygraph.queries.rules;

/**
 * The setup rules analysts check (docs/contract.md section 3), each with its severity, the article it
 * comes from (a field, so a citation can be corrected without touching the check) and a plain
 * statement in English and Chinese.
 */
public enum Rule {

	MIN_FULL_MEMBERS(Severity.ERROR, "中國共產黨章程 第三十條; 中國共產黨支部工作條例(試行) 第四條",
			"A branch needs at least {threshold} full members; with fewer, set up a joint branch with neighbouring units.",
			"正式黨員不足{threshold}人的單位，應按照地域相鄰、行業相近原則組建聯合黨支部。"),
	COMMITTEE_REQUIRED(Severity.WARNING, "中國共產黨支部工作條例(試行) 第二十條",
			"A branch with {threshold} or more full members elects a branch committee.",
			"正式黨員{threshold}人以上的黨支部，設立黨支部委員會。"),
	GENERAL_BRANCH_ADVISED(Severity.WARNING, "中國共產黨支部工作條例(試行) 第四條",
			"A branch usually has at most {threshold} members; a larger one may become a general branch.",
			"黨支部黨員人數一般不超過{threshold}人；超過的，可以成立黨總支。"),
	JOINT_BRANCH_TOO_WIDE(Severity.WARNING, "中國共產黨支部工作條例(試行) 第五條",
			"A joint branch should cover at most {threshold} units.", "聯合黨支部覆蓋單位一般不超過{threshold}個。"),
	PRIMARY_COMMITTEE_ADVISED(Severity.INFO, "中國共產黨農村基層組織工作條例 (2019) 第五條",
			"With {threshold} or more members a primary committee may be set up (county approval).",
			"黨員人數{threshold}人以上的，可以成立基層黨委（經縣級黨委批准）。"),
	PARENT_KIND(Severity.ERROR, "黨內統計 隸屬關係",
			"An org is subordinate to an org of a higher kind.", "黨組織應隸屬於更高層級的黨組織。"),
	SECRETARY_MISSING(Severity.WARNING, "中國共產黨支部工作條例(試行) 第二十條",
			"Every org has a secretary.", "黨組織應配備書記。"),
	DUAL_MANAGEMENT_MISSING(Severity.WARNING, "懷仁縣「四模式」黨組織設置 (no regulation codifies dual management)",
			"A leading enterprise's org under the working committee is co-managed by the township where the enterprise sits.",
			"龍頭企業黨組織隸屬非公經濟組織工委，並由企業所在鄉鎮黨委共同管理（雙重管理）。");

	private final Severity severity;

	private final String article;

	private final String statement;

	private final String statementZh;

	Rule(Severity severity, String article, String statement, String statementZh) {
		this.severity = severity;
		this.article = article;
		this.statement = statement;
		this.statementZh = statementZh;
	}

	public Severity severity() {
		return this.severity;
	}

	public String article() {
		return this.article;
	}

	/** The rule in plain English, with its threshold filled in. */
	public String statement(RuleThresholds thresholds) {
		return this.statement.replace("{threshold}", String.valueOf(thresholds.of(this)));
	}

	/** The rule in Chinese, with its threshold filled in. */
	public String statementZh(RuleThresholds thresholds) {
		return this.statementZh.replace("{threshold}", String.valueOf(thresholds.of(this)));
	}

}
