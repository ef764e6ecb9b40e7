package org.partygraph.api.graphql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.partygraph.api.security.Scope;
import org.partygraph.model.Dataset;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.ProblemsException;
import org.partygraph.model.Role;
import org.partygraph.model.Trade;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.queries.change.NewMember;
import org.partygraph.queries.change.NewOrg;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.change.ProbationDecided;
import org.partygraph.queries.change.ProbationOutcome;
import org.partygraph.queries.change.OrgDissolved;
import org.partygraph.queries.change.TransferRecord;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;
import org.partygraph.queries.schema.WriteScope;
import org.partygraph.queries.text.Lang;
import org.partygraph.queries.text.Messages;
import org.partygraph.queries.text.ProblemTexts;
import org.partygraph.queries.text.Text;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Mutations. A rejected change comes back as {@code errors} in its payload (item, field, message),
 * with nothing written; the queries module checks and writes each change in one transaction. The
 * caller's scope is checked there too, inside that transaction ({@link OrgChanges#within}): an org
 * or member outside it is refused exactly as an unknown id.
 */
@Controller
public class ChangeController {

	private final OrgChanges changes;

	private final DatasetImporter importer;

	private final OrgQueries orgs;

	private final MemberQueries members;

	private final Scope scope;

	private final org.partygraph.queries.rules.RuleThresholds thresholds;

	public ChangeController(OrgChanges changes, DatasetImporter importer, OrgQueries orgs, MemberQueries members,
			Scope scope, org.partygraph.queries.rules.RuleThresholds thresholds) {
		this.thresholds = thresholds;
		this.changes = changes;
		this.importer = importer;
		this.orgs = orgs;
		this.members = members;
		this.scope = scope;
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload createOrg(@Argument CreateOrgInput input, @Argument LocalDate on) {
		return orgChange(input.id(), true, () -> changes(on).createOrg(new NewOrg(input.id(), input.kind(), input.name(),
				input.parent(), input.units(), input.trade(), input.hasCommittee())));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload renameOrg(@Argument String id, @Argument String name, @Argument LocalDate on) {
		return orgChange(id, false, () -> changes(on).renameOrg(id, name));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload moveOrg(@Argument String id, @Argument String parent, @Argument LocalDate on) {
		return orgChange(id, true, () -> changes(on).moveOrg(id, parent));
	}

	/** {@code membersTo} is optional: left out it is passed on as null, and the change refuses it only while the org has members. */
	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public DissolvePayload dissolveOrg(@Argument String id, @Argument String membersTo, @Argument LocalDate on) {
		try {
			OrgDissolved done = changes(on).dissolveOrg(id, membersTo);
			this.scope.changed();
			// Inside the scope, as the dissolved org was not its root; checked all the same.
			OrgRow parent = (done.parent() != null && this.scope.isVisible(done.parent()))
					? this.orgs.byIds(List.of(done.parent())).get(done.parent()) : null;
			return new DissolvePayload(done.org(), parent, done.membersMoved().size(), done.childrenMoved().size(),
					List.of());
		}
		catch (ProblemsException ex) {
			return new DissolvePayload(null, null, 0, 0, errors(ex));
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload addCoManager(@Argument String org, @Argument String coManager, @Argument LocalDate on) {
		return orgChange(org, false, () -> changes(on).addCoManager(org, coManager));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload removeCoManager(@Argument String org, @Argument String coManager, @Argument LocalDate on) {
		return orgChange(org, false, () -> changes(on).removeCoManager(org, coManager));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload addMember(@Argument AddMemberInput input, @Argument LocalDate on) {
		return memberChange(input.id(), () -> changes(on).addMember(new NewMember(input.id(), input.name(),
				input.status(), input.org(), input.unit(), input.trade(), input.gender(), input.birthDate(),
				input.joined(), input.idNumber(), input.phone(), input.group(), List.of(), List.of())));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public TransferPayload transferMember(@Argument String member, @Argument String to, @Argument String reason, @Argument LocalDate on) {
		try {
			// No time given: the database reads its clock under the member's lock, so transfers of
			// one member get times in the order they were made.
			return new TransferPayload(changes(on).transferMember(member, to, reason, null), List.of());
		}
		catch (ProblemsException ex) {
			return new TransferPayload(null, errors(ex));
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload assignRole(@Argument String member, @Argument String org, @Argument Role role, @Argument LocalDate on) {
		return memberChange(member, () -> changes(on).assignRole(member, org, role));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload removeRole(@Argument String member, @Argument String org, @Argument Role role, @Argument LocalDate on) {
		return memberChange(member, () -> changes(on).removeRole(member, org, role));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload assignGroup(@Argument String member, @Argument String group, @Argument LocalDate on) {
		return memberChange(member, () -> changes(on).assignGroup(member, group));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public ProbationPayload decideProbation(@Argument String member, @Argument ProbationOutcome outcome,
			@Argument Integer months, @Argument LocalDate on) {
		try {
			ProbationDecided done = changes(on).decideProbation(member, outcome, (months != null) ? months : 12,
					this.thresholds.probationMonths());
			MemberRow row = done.removed() ? null : this.members.byIds(List.of(member)).get(member);
			return new ProbationPayload(row, done.outcome(), done.extendedTo(), done.removed(), List.of());
		}
		catch (ProblemsException ex) {
			return new ProbationPayload(null, null, null, false, errors(ex));
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	public ImportPayload importDataset(@Argument String json, @Argument LocalDate on) {
		try {
			Dataset dataset = DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
			ImportResult result = this.importer.importDataset(dataset, (step, done, total) -> {
			}, on, login());
			this.scope.changed();
			return new ImportPayload(result.dataset(), result.nodes(), result.relationships(), result.replaced(),
					List.of());
		}
		catch (ProblemsException ex) {
			return new ImportPayload(null, 0, 0, 0, errors(ex));
		}
		catch (IOException ex) {
			return new ImportPayload(null, 0, 0, 0,
					List.of(ChangeError.of(Problem.DATASET, "json", Text.of("dataset.cannotRead", ex.getMessage()))));
		}
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, List<TransferRecord>> transfers(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.changes.transfers(Batches.ids(members, MemberRow::id)));
	}

	@BatchMapping(typeName = "Transfer")
	public Map<TransferRecord, MemberRow> member(List<TransferRecord> transfers) {
		return Batches.byKey(transfers, TransferRecord::member,
				this.members.byIds(Batches.ids(transfers, TransferRecord::member)));
	}

	@BatchMapping(typeName = "Transfer")
	public Map<TransferRecord, OrgRow> from(List<TransferRecord> transfers) {
		return Batches.byKey(transfers, TransferRecord::from, this.orgs.byIds(Batches.ids(transfers, TransferRecord::from)));
	}

	@BatchMapping(typeName = "Transfer")
	public Map<TransferRecord, OrgRow> to(List<TransferRecord> transfers) {
		return Batches.byKey(transfers, TransferRecord::to, this.orgs.byIds(Batches.ids(transfers, TransferRecord::to)));
	}

	/**
	 * The changes limited to the caller's scope. Every change goes through here: the scope is
	 * checked inside the change's transaction, after its locks, never against the cached ids.
	 */
	private OrgChanges changes(LocalDate on) {
		return this.changes.within(WriteScope.of(this.scope.root())).on(on).by(login());
	}

	/** The current user's login, kept with each change it makes. */
	static String login() {
		org.springframework.security.core.Authentication authentication = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		return (authentication != null) ? authentication.getName() : null;
	}

	/**
	 * Runs an org change and answers the org as it is afterwards.
	 * @param reshapes whether the change alters the tree (create, move), after which the cached
	 * scopes are dropped so that the rest of the request reads the new tree
	 */
	private OrgPayload orgChange(String id, boolean reshapes, Supplier<?> change) {
		return ChangePayloads.answer(() -> {
			change.get();
			if (reshapes) {
				this.scope.changed();
			}
			return new OrgPayload(this.orgs.byIds(List.of(id)).get(id), List.of());
		}, (errors) -> new OrgPayload(null, errors));
	}

	private MemberPayload memberChange(String id, Supplier<?> change) {
		return ChangePayloads.answer(() -> {
			change.get();
			return new MemberPayload(this.members.byIds(List.of(id)).get(id), List.of());
		}, (errors) -> new MemberPayload(null, errors));
	}

	private static List<ChangeError> errors(ProblemsException ex) {
		return ChangeError.of(ex);
	}

	public record CreateOrgInput(String id, OrgKind kind, String name, String parent, List<String> units, Trade trade,
			Boolean hasCommittee) {
	}

	public record AddMemberInput(String id, String name, org.partygraph.model.MemberStatus status, String org,
			String unit, Trade trade, org.partygraph.model.Gender gender, LocalDate birthDate, LocalDate joined,
			String idNumber, String phone, String group) {
	}

	/**
	 * One problem of a refused change; {@code message} in English, said in the request's language
	 * from {@code text} when it has one ({@link ChangeErrorMessages}).
	 */
	public record ChangeError(String item, String field, String message, Text text) {

		public ChangeError(String item, String field, String message) {
			this(item, field, message, null);
		}

		/** A problem whose message is a text of the bundles: in English here, in the request's language to the caller. */
		public static ChangeError of(String item, String field, Text text) {
			return new ChangeError(item, field, Messages.bundled().say(text, Lang.EN), text);
		}

		/** Every problem of a refused change, as the payloads' errors. */
		public static List<ChangeError> of(ProblemsException ex) {
			List<Problem> problems = ex.problems();
			return java.util.stream.IntStream.range(0, problems.size()).mapToObj((i) -> {
				Problem p = problems.get(i);
				return new ChangeError(p.item(), p.field(), p.message(), ProblemTexts.text(ex, i));
			}).toList();
		}

	}

	public record OrgPayload(OrgRow org, List<ChangeError> errors) {
	}

	public record MemberPayload(MemberRow member, List<ChangeError> errors) {
	}

	public record ProbationPayload(MemberRow member, ProbationOutcome outcome, LocalDate extendedTo, boolean removed,
			List<ChangeError> errors) {
	}

	public record TransferPayload(TransferRecord transfer, List<ChangeError> errors) {
	}

	public record DissolvePayload(String dissolved, OrgRow parent, int membersMoved, int childrenMoved,
			List<ChangeError> errors) {
	}

	public record ImportPayload(String dataset, long nodes, long relationships, long replaced,
			List<ChangeError> errors) {
	}

}
