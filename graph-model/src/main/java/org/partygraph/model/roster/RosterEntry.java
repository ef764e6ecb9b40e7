package org.partygraph.model.roster;

import java.time.LocalDate;

import org.partygraph.model.Gender;
import org.partygraph.model.MemberStatus;
import org.partygraph.model.Trade;

/**
 * One member row of a roster, parsed. A field whose cell is blank (or whose column is absent) is
 * {@code null}: for an existing member it leaves the stored value as it is.
 *
 * @param row the row as the spreadsheet shows it (header = 1)
 * @param memberId 党员编号
 * @param name 姓名 (never {@code null})
 * @param gender 性别
 * @param status 人员类别, or FULL when 转正时间 is given
 * @param joined 入党时间
 * @param trade 行业
 * @param orgId 党组织编号
 * @param orgName 所在党组织
 * @param birthDate 出生日期
 * @param idNumber 身份证号, checked and normalized
 * @param phone 联系电话
 * @param group 党小组: the name of a party group under the membership org
 * @param unit 工作单位: the name of a unit
 */
public record RosterEntry(int row, String memberId, String name, Gender gender, MemberStatus status,
		LocalDate joined, Trade trade, String orgId, String orgName, LocalDate birthDate, String idNumber,
		String phone, String group, String unit) {

}
