package org.partygraph.queries.rules;

/**
 * The numbers the rules compare against: configuration, with the regulations' figures as defaults.
 *
 * @param minFullMembers a branch needs at least this many full members (3)
 * @param committeeFullMembers from this many full members a branch elects a committee (7)
 * @param branchMaxMembers a branch usually has at most this many members (50)
 * @param jointBranchMaxUnits a joint branch covers at most this many units (5)
 * @param primaryCommitteeMembers from this many members a general branch may become a primary
 * committee (100)
 * @param termWarningMonths a term ending within this many months is reported as ending (TERM_ENDING,
 * 6; {@code party-graph.rules.term-warning-months})
 * @param probationMonths a probation (預備期) lasts this many months: a decision on it is due then,
 * and not taken before it (PROBATION_OVERDUE, decideProbation; 12, the 黨章's one year;
 * {@code party-graph.rules.probation-months})
 */
public record RuleThresholds(int minFullMembers, int committeeFullMembers, int branchMaxMembers,
		int jointBranchMaxUnits, int primaryCommitteeMembers, int termWarningMonths, int probationMonths) {

	public static final RuleThresholds DEFAULTS = new RuleThresholds(3, 7, 50, 5, 100, 6, 12);

	/** The thresholds with the default probation (12 months). */
	public RuleThresholds(int minFullMembers, int committeeFullMembers, int branchMaxMembers, int jointBranchMaxUnits,
			int primaryCommitteeMembers, int termWarningMonths) {
		this(minFullMembers, committeeFullMembers, branchMaxMembers, jointBranchMaxUnits, primaryCommitteeMembers,
				termWarningMonths, 12);
	}

	/** The thresholds with the default term warning (6 months). */
	public RuleThresholds(int minFullMembers, int committeeFullMembers, int branchMaxMembers, int jointBranchMaxUnits,
			int primaryCommitteeMembers) {
		this(minFullMembers, committeeFullMembers, branchMaxMembers, jointBranchMaxUnits, primaryCommitteeMembers, 6, 12);
	}

	public RuleThresholds {
		if (minFullMembers < 1 || committeeFullMembers < 1 || branchMaxMembers < 1 || jointBranchMaxUnits < 1
				|| primaryCommitteeMembers < 1) {
			throw new IllegalArgumentException("rule thresholds must be 1 or more: " + minFullMembers + ", "
					+ committeeFullMembers + ", " + branchMaxMembers + ", " + jointBranchMaxUnits + ", "
					+ primaryCommitteeMembers);
		}
		if (termWarningMonths < 0) {
			throw new IllegalArgumentException(
					"party-graph.rules.term-warning-months must be 0 or more, not " + termWarningMonths);
		}
		if (probationMonths < 1) {
			throw new IllegalArgumentException(
					"party-graph.rules.probation-months must be 1 or more, not " + probationMonths);
		}
	}

	/** The threshold a rule uses; 0 for rules without one. */
	public int of(Rule rule) {
		return switch (rule) {
			case MIN_FULL_MEMBERS -> this.minFullMembers;
			case COMMITTEE_REQUIRED -> this.committeeFullMembers;
			case GENERAL_BRANCH_ADVISED -> this.branchMaxMembers;
			case JOINT_BRANCH_TOO_WIDE -> this.jointBranchMaxUnits;
			case PRIMARY_COMMITTEE_ADVISED -> this.primaryCommitteeMembers;
			case TERM_ENDING -> this.termWarningMonths;
			case PROBATION_OVERDUE -> this.probationMonths;
			default -> 0;
		};
	}

}
