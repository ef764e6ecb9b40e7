package org.partygraph.model.roster;

import java.util.List;
import java.util.Locale;

import org.partygraph.model.NameKeys;

/**
 * The columns a roster (花名冊) may have, each with the headers it is recognized by. Headers are
 * compared folded ({@link NameKeys#fold}: simplified, lower case, without spaces), so a traditional
 * header (姓名, 性別, 入黨時間, 所在黨組織, 聯繫電話, ...) is recognized as its simplified form, and
 * {@code /export/members.xlsx}'s own headers in either script are all recognized.
 */
public enum RosterField {

	/** 姓名: the member's name; required. */
	NAME("姓名", "党员姓名"),
	/** 党员编号: the member's id; an existing member is matched by it first. */
	MEMBER_ID("党员编号", "编号", "党员id", "成员编号"),
	/** 性别: 男 or 女 (or M/F). */
	GENDER("性别"),
	/** 人员类别: 正式党员 or 预备党员 (or FULL/PROBATIONARY). */
	STATUS("人员类别", "党员类别", "党员类型", "类别"),
	/** 转正时间: a date; when given the member is FULL. */
	FULL_SINCE("转正时间", "转正日期"),
	/** 入党时间: the day the member joined; required. */
	JOINED("入党时间", "入党日期"),
	/** 行业: the member's trade (种植, 养殖, 加工, 运输, 商贸, or the code). */
	TRADE("行业", "所属行业"),
	/** 所在党组织: the membership org, by exact or folded name inside the target org. */
	ORG_NAME("所在党组织", "党组织", "党组织名称", "所在支部", "所在党支部"),
	/** 党组织编号: the membership org by id (wins over the name when both are given). */
	ORG_ID("党组织编号", "党组织id", "所在党组织编号"),
	/**
	 * 党小组: the party group under the membership org the member is assigned to, by exact or folded
	 * name among that org's party groups (as the export writes it).
	 */
	GROUP("党小组", "所在党小组"),
	/** 工作单位: the unit the member works or lives in, by exact or folded name (as the export writes it). */
	UNIT("工作单位", "单位"),
	/** 出生日期: a date. */
	BIRTH_DATE("出生日期", "出生年月日", "生日"),
	/** 身份证号: the 18-character resident identity number (GB 11643-1999, checksum checked). */
	ID_NUMBER("身份证号", "身分证号", "身份证号码", "身分证号码", "公民身份号码", "身份证"),
	/** 联系电话: the phone number. */
	PHONE("联系电话", "电话", "手机", "手机号码", "联系方式");

	private final List<String> headers;

	RosterField(String... headers) {
		this.headers = List.of(headers);
	}

	/** The simplified header this field is shown by (the first one recognized). */
	public String header() {
		return this.headers.get(0);
	}

	/** Every header recognized, simplified (traditional ones fold to these). */
	public List<String> headers() {
		return this.headers;
	}

	/**
	 * The field a file's header names, or {@code null}: a recognized header in either script, or a
	 * field's own name ({@code NAME}, {@code id_number}, ...).
	 */
	public static RosterField of(String header) {
		if (header == null) {
			return null;
		}
		String folded = NameKeys.fold(header);
		if (folded.isEmpty()) {
			return null;
		}
		for (RosterField field : values()) {
			for (String h : field.headers) {
				if (NameKeys.fold(h).equals(folded)) {
					return field;
				}
			}
		}
		String code = header.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (RosterField field : values()) {
			if (field.name().equals(code)) {
				return field;
			}
		}
		return null;
	}

}
