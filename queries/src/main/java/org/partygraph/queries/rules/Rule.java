package org.partygraph.queries.rules;

import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;

/**
 * The setup rules analysts check (docs/contract.md section 3), each with its severity, the article it
 * comes from (a field, so a citation can be corrected without touching the check); its plain
 * statement is in the message bundles ({@code rule.<CODE>.statement}), in English and Chinese.
 */
public enum Rule {

	MIN_FULL_MEMBERS(Severity.ERROR,
			"中國共產黨章程 第三十條; 中國共產黨支部工作條例(試行) 第四條"),
	COMMITTEE_REQUIRED(Severity.WARNING,
			"中國共產黨支部工作條例(試行) 第二十條"),
	GENERAL_BRANCH_ADVISED(Severity.WARNING,
			"中國共產黨支部工作條例(試行) 第四條"),
	JOINT_BRANCH_TOO_WIDE(Severity.WARNING,
			"中國共產黨支部工作條例(試行) 第五條"),
	PRIMARY_COMMITTEE_ADVISED(Severity.INFO,
			"中國共產黨農村基層組織工作條例 (2019) 第五條"),
	PARENT_KIND(Severity.ERROR,
			"黨內統計 隸屬關係"),
	SECRETARY_MISSING(Severity.WARNING,
			"中國共產黨支部工作條例(試行) 第二十條"),
	DUAL_MANAGEMENT_MISSING(Severity.WARNING,
			"懷仁縣「四模式」黨組織設置 (no regulation codifies dual management)"),
	SECRETARY_DUPLICATE(Severity.WARNING,
			"中國共產黨支部工作條例(試行) 第二十條 (設書記1名)"),
	EMPTY_ORG(Severity.WARNING,
			"中國共產黨支部工作條例(試行) 第四條、第十條 (以黨員為基礎設置; 黨小組由支部黨員組成)"),
	GENERAL_BRANCH_WITHOUT_BRANCHES(Severity.INFO,
			"中國共產黨支部工作條例(試行) 第四條 (黨總支部下設若干黨支部)"),
	JOINT_BRANCH_ACROSS_TOWNSHIPS(Severity.WARNING,
			"中國共產黨支部工作條例(試行) 第五條 (地域相鄰)"),
	TERM_EXPIRED(Severity.ERROR,
			"中國共產黨基層組織選舉工作條例 第三條 (任期屆滿應當按期進行換屆選舉); 中國共產黨支部工作條例(試行) 第二十條 (黨支部委員會每屆任期3年至5年)"),
	TERM_ENDING(Severity.INFO,
			"中國共產黨基層組織選舉工作條例 第三條 (任期屆滿應當按期進行換屆選舉); 中國共產黨支部工作條例(試行) 第二十條 (黨支部委員會每屆任期3年至5年)"),
	PROBATION_OVERDUE(Severity.WARNING,
			"中國共產黨章程 第七條 (預備期為一年; 預備期滿, 黨的支部應當及時討論他能否轉為正式黨員); 中國共產黨發展黨員工作細則 第三十三條");

	private final Severity severity;

	private final String article;

	Rule(Severity severity, String article) {
		this.severity = severity;
		this.article = article;
	}

	public Severity severity() {
		return this.severity;
	}

	public String article() {
		return this.article;
	}

	/**
	 * The rule's statement, with its threshold filled in: the text {@code rule.<CODE>.statement} of
	 * the message bundles (docs/contract.md section 7), in any language.
	 */
	public Text statementText(RuleThresholds thresholds) {
		return Text.of("rule." + name() + ".statement", thresholds.of(this));
	}

	/** The rule in plain English, with its threshold filled in. */
	public String statement(RuleThresholds thresholds) {
		return Messages.bundled().say(statementText(thresholds), Lang.EN);
	}

	/** The rule in (traditional) Chinese, with its threshold filled in. */
	public String statementZh(RuleThresholds thresholds) {
		return Messages.bundled().say(statementText(thresholds), Lang.ZH_HANT);
	}

}
