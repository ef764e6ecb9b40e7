package org.partygraph.api.export;

import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Trade;
import org.partygraph.queries.pattern.StatisticsQueries;
import org.partygraph.queries.rules.Severity;

/** Chinese words for the codes a spreadsheet shows, in either script; an unknown code stays as it is. */
final class Labels {

	private Labels() {
	}

	static String status(MemberStatus status, Zh zh) {
		if (status == null) {
			return null;
		}
		return switch (status) {
			case FULL -> zh.pick("正式党员", "正式黨員");
			case PROBATIONARY -> zh.pick("预备党员", "預備黨員");
		};
	}

	static String gender(Gender gender, Zh zh) {
		if (gender == null) {
			return null;
		}
		return switch (gender) {
			case M -> "男";
			case F -> "女";
		};
	}

	static String trade(Trade trade, Zh zh) {
		if (trade == null) {
			return null;
		}
		return switch (trade) {
			case PLANTING -> zh.pick("种植", "種植");
			case BREEDING -> zh.pick("养殖", "養殖");
			case PROCESSING -> "加工";
			case TRANSPORT -> zh.pick("运输", "運輸");
			case COMMERCE -> zh.pick("商贸", "商貿");
		};
	}

	static String kind(OrgKind kind, Zh zh) {
		if (kind == null) {
			return null;
		}
		return switch (kind) {
			case COUNTY_COMMITTEE -> zh.pick("县委", "縣委");
			case TOWNSHIP_COMMITTEE -> zh.pick("乡镇党委", "鄉鎮黨委");
			case WORKING_COMMITTEE -> zh.pick("工委", "工委");
			case PRIMARY_COMMITTEE -> zh.pick("基层党委", "基層黨委");
			case GENERAL_BRANCH -> zh.pick("党总支", "黨總支");
			case BRANCH -> zh.pick("党支部", "黨支部");
			case JOINT_BRANCH -> zh.pick("联合党支部", "聯合黨支部");
			case PARTY_GROUP -> zh.pick("党小组", "黨小組");
		};
	}

	static String severity(Severity severity, Zh zh) {
		if (severity == null) {
			return null;
		}
		return switch (severity) {
			case ERROR -> zh.pick("违规", "違規");
			case WARNING -> zh.pick("警示", "警示");
			case INFO -> zh.pick("提示", "提示");
		};
	}

	/** A statistics key (a kind, status or trade code) in words; other keys as they are. */
	static String key(String key, Zh zh) {
		if (key == null) {
			return null;
		}
		for (OrgKind k : OrgKind.values()) {
			if (k.name().equals(key)) {
				return kind(k, zh);
			}
		}
		for (MemberStatus s : MemberStatus.values()) {
			if (s.name().equals(key)) {
				return status(s, zh);
			}
		}
		for (Trade t : Trade.values()) {
			if (t.name().equals(key)) {
				return trade(t, zh);
			}
		}
		if (StatisticsQueries.NO_TRADE.equals(key)) {
			return zh.pick("无", "無");
		}
		if (StatisticsQueries.NO_TOWNSHIP.equals(key)) {
			return zh.pick("（无）", "（無）");
		}
		return key;
	}

}
