package org.partygraph.queries.change;

/**
 * The spans the development of new members (發展黨員, docs/contract.md section 8) must respect,
 * from configuration ({@code party-graph.development.*}) with the defaults of the
 * 中國共產黨發展黨員工作細則. A step taken before its span has passed is refused (field {@code on}).
 *
 * @param applicantMonths months from the application before the applicant may be made an activist
 * (the 細則 sets none: 0)
 * @param activistMonths months an activist is cultivated before becoming a development target
 * (細則 第十四條: more than a year, 12)
 * @param targetMonths months from becoming a development target before admission (the 細則 sets
 * none: 0; the political review, the training and the branch's resolution are required instead)
 * @param approvalMonths at most how many months after the branch meeting's resolution the higher
 * committee approves the admission (細則: within three months, 3)
 * @param minAge the least age on the day of the application, when the birth date is known
 * (中國共產黨章程 第一條: 18)
 */
public record DevelopmentSpans(int applicantMonths, int activistMonths, int targetMonths, int approvalMonths,
		int minAge) {

	/** The 細則's spans. */
	public static final DevelopmentSpans DEFAULT = new DevelopmentSpans(0, 12, 0, 3, 18);

	public DevelopmentSpans {
		check("applicant-months", applicantMonths, 0, 120);
		check("activist-months", activistMonths, 0, 120);
		check("target-months", targetMonths, 0, 120);
		check("approval-months", approvalMonths, 1, 120);
		check("min-age", minAge, 14, 30);
	}

	/** The least months a candidate spends in a stage before the next ({@code null}: ADMITTED). */
	public int monthsIn(org.partygraph.model.CandidateStage stage) {
		if (stage == org.partygraph.model.CandidateStage.APPLICANT) {
			return this.applicantMonths;
		}
		if (stage == org.partygraph.model.CandidateStage.ACTIVIST) {
			return this.activistMonths;
		}
		return this.targetMonths;
	}

	private static void check(String key, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(
					"party-graph.development." + key + " must be " + min + " to " + max + ", not " + value);
		}
	}

}
