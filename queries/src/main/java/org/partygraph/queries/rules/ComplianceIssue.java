package org.partygraph.queries.rules;

import java.util.List;

import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.Text;
import org.partygraph.queries.whatif.Operation;

/**
 * One rule break at one org. Identified by (rule, orgId). Its texts are said in English
 * ({@code message}, {@code suggestion}) and traditional Chinese ({@code messageZh}) and kept as
 * {@link Text}s of the message bundles, for a {@link Messages} to say in the reader's language
 * ({@link #message(Messages, Lang)}); a report kept as JSON before the texts were kept has them
 * {@code null}, and is said in English.
 *
 * @param rule the rule broken
 * @param orgId the org breaking it
 * @param orgName its name
 * @param orgKind its kind
 * @param message what is wrong, with the figures, in English
 * @param messageZh the same in (traditional) Chinese
 * @param actual the figure that broke the rule (e.g. 2 full members), when there is one
 * @param threshold the figure the rule asks for (e.g. 3), when there is one
 * @param suggestion what would put it right, in words, in English
 * @param fix operations that would put it right, ready to run as a what-if (may be empty)
 * @param suggestionWithoutMembers the suggestion for a reader who may not see members: no member is
 * named (the same as {@code suggestion} when it names none)
 * @param messageText {@code message} as a text of the bundles
 * @param suggestionText {@code suggestion} as a text of the bundles
 * @param suggestionWithoutMembersText {@code suggestionWithoutMembers} as a text of the bundles
 */
public record ComplianceIssue(Rule rule, String orgId, String orgName, String orgKind, String message,
		String messageZh, Integer actual, Integer threshold, String suggestion, List<Operation> fix,
		String suggestionWithoutMembers, Text messageText, Text suggestionText, Text suggestionWithoutMembersText) {

	public ComplianceIssue {
		fix = List.copyOf(fix);
	}

	/** An issue of these texts, said in English and Chinese by the bundles. */
	public static ComplianceIssue of(Rule rule, String orgId, String orgName, String orgKind, Text message,
			Integer actual, Integer threshold, Text suggestion, List<Operation> fix, Text suggestionWithoutMembers) {
		Messages bundles = Messages.bundled();
		return new ComplianceIssue(rule, orgId, orgName, orgKind, bundles.say(message, Lang.EN),
				bundles.say(message, Lang.ZH_HANT), actual, threshold, bundles.say(suggestion, Lang.EN), fix,
				bundles.say(suggestionWithoutMembers, Lang.EN), message, suggestion, suggestionWithoutMembers);
	}

	/** What is wrong in the language (English when the texts were not kept). */
	public String message(Messages messages, Lang lang) {
		return (this.messageText != null) ? messages.say(this.messageText, lang) : this.message;
	}

	/** The suggestion in the language, naming members or not (English when the texts were not kept). */
	public String suggestion(Messages messages, Lang lang, boolean withMembers) {
		Text text = withMembers ? this.suggestionText : this.suggestionWithoutMembersText;
		if (text == null) {
			return withMembers ? this.suggestion : this.suggestionWithoutMembers;
		}
		return messages.say(text, lang);
	}

	/** The fix operations that name no member (what a reader who may not see members is shown). */
	public List<Operation> fixWithoutMembers() {
		return this.fix.stream().filter((op) -> op.member() == null).toList();
	}

	public Severity severity() {
		return this.rule.severity();
	}

	/** (rule, org): the identity what-if reports compare issues by. */
	public String key() {
		return this.rule.name() + "@" + this.orgId;
	}

}
