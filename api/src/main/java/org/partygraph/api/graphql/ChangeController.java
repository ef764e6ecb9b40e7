package org.partygraph.api.graphql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.partygraph.api.security.Scope;
import org.partygraph.model.Dataset;
import org.partygraph.model.InvalidDatasetException;
import org.partygraph.model.OrgKind;
import org.partygraph.model.Problem;
import org.partygraph.model.Role;
import org.partygraph.model.Trade;
import org.partygraph.model.format.DatasetFormat;
import org.partygraph.queries.change.NewMember;
import org.partygraph.queries.change.NewOrg;
import org.partygraph.queries.change.OrgChanges;
import org.partygraph.queries.change.OrgDissolved;
import org.partygraph.queries.change.TransferRecord;
import org.partygraph.queries.dataset.DatasetImporter;
import org.partygraph.queries.dataset.ImportResult;
import org.partygraph.queries.read.MemberQueries;
import org.partygraph.queries.read.MemberRow;
import org.partygraph.queries.read.OrgQueries;
import org.partygraph.queries.read.OrgRow;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Mutations. A rejected change comes back as {@code errors} in its payload (item, field, message),
 * with nothing written; the queries module checks and writes each change in one transaction.
 */
@Controller
public class ChangeController {

	private final OrgChanges changes;

	private final DatasetImporter importer;

	private final OrgQueries orgs;

	private final MemberQueries members;

	private final Scope scope;

	public ChangeController(OrgChanges changes, DatasetImporter importer, OrgQueries orgs, MemberQueries members,
			Scope scope) {
		this.changes = changes;
		this.importer = importer;
		this.orgs = orgs;
		this.members = members;
		this.scope = scope;
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload createOrg(@Argument CreateOrgInput input) {
		return orgChange(input.id(), () -> visibleOrgs(input.id(), Map.of("parent", nullable(input.parent()))),
				() -> this.changes.createOrg(new NewOrg(input.id(), input.kind(), input.name(),
				input.parent(), input.units(), input.trade(), input.hasCommittee())));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload renameOrg(@Argument String id, @Argument String name) {
		return orgChange(id, () -> visibleOrgs(id, Map.of("id", id)), () -> this.changes.renameOrg(id, name));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload moveOrg(@Argument String id, @Argument String parent) {
		return orgChange(id, () -> visibleOrgs(id, Map.of("id", id, "parent", parent)),
				() -> this.changes.moveOrg(id, parent));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public DissolvePayload dissolveOrg(@Argument String id, @Argument String membersTo) {
		try {
			visibleOrgs(id, Map.of("id", id, "membersTo", membersTo));
			OrgDissolved done = this.changes.dissolveOrg(id, membersTo);
			this.scope.changed();
			OrgRow parent = (done.parent() != null) ? this.orgs.byIds(List.of(done.parent())).get(done.parent()) : null;
			return new DissolvePayload(done.org(), parent, done.membersMoved().size(), done.childrenMoved().size(),
					List.of());
		}
		catch (InvalidDatasetException ex) {
			return new DissolvePayload(null, null, 0, 0, errors(ex));
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload addCoManager(@Argument String org, @Argument String coManager) {
		return orgChange(org, () -> visibleOrgs(org, Map.of("org", org, "coManager", coManager)),
				() -> this.changes.addCoManager(org, coManager));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public OrgPayload removeCoManager(@Argument String org, @Argument String coManager) {
		return orgChange(org, () -> visibleOrgs(org, Map.of("org", org, "coManager", coManager)),
				() -> this.changes.removeCoManager(org, coManager));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload addMember(@Argument AddMemberInput input) {
		return memberChange(input.id(), () -> visibleOrgs(input.id(), Map.of("org", input.org())),
				() -> this.changes.addMember(new NewMember(input.id(), input.name(),
				input.status(), input.org(), input.unit(), input.trade(), input.gender(),
				date(input.id(), "birthDate", input.birthDate()), date(input.id(), "joined", input.joined()),
				input.idNumber(), input.phone(), input.group(), List.of(), List.of())));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public TransferPayload transferMember(@Argument String member, @Argument String to, @Argument String reason) {
		try {
			visibleMember(member);
			visibleOrgs(member, Map.of("to", to));
			return new TransferPayload(this.changes.transferMember(member, to, reason, Instant.now()), List.of());
		}
		catch (InvalidDatasetException ex) {
			return new TransferPayload(null, errors(ex));
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload assignRole(@Argument String member, @Argument String org, @Argument Role role) {
		return memberChange(member, () -> {
			visibleMember(member);
			visibleOrgs(member, Map.of("org", org));
		}, () -> this.changes.assignRole(member, org, role));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload removeRole(@Argument String member, @Argument String org, @Argument Role role) {
		return memberChange(member, () -> {
			visibleMember(member);
			visibleOrgs(member, Map.of("org", org));
		}, () -> this.changes.removeRole(member, org, role));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public MemberPayload assignGroup(@Argument String member, @Argument String group) {
		return memberChange(member, () -> visibleMember(member), () -> this.changes.assignGroup(member, group));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	public ImportPayload importDataset(@Argument String json) {
		try {
			Dataset dataset = DatasetFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
			ImportResult result = this.importer.importDataset(dataset, (step, done, total) -> {
			});
			this.scope.changed();
			return new ImportPayload(result.dataset(), result.nodes(), result.relationships(), result.replaced(),
					List.of());
		}
		catch (InvalidDatasetException ex) {
			return new ImportPayload(null, 0, 0, 0, errors(ex));
		}
		catch (IOException ex) {
			return new ImportPayload(null, 0, 0, 0,
					List.of(new ChangeError(Problem.DATASET, "json", "cannot read: " + ex.getMessage())));
		}
	}

	@BatchMapping(typeName = "Member")
	public Map<MemberRow, List<TransferRecord>> transfers(List<MemberRow> members) {
		return Batches.byKey(members, MemberRow::id, this.changes.transfers(Batches.ids(members, MemberRow::id)));
	}

	@SchemaMapping(typeName = "Transfer")
	public String at(TransferRecord transfer) {
		return transfer.at().toString();
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

	private OrgPayload orgChange(String id, Runnable check, Supplier<?> change) {
		try {
			check.run();
			change.get();
			this.scope.changed();
			return new OrgPayload(this.orgs.byIds(List.of(id)).get(id), List.of());
		}
		catch (InvalidDatasetException ex) {
			return new OrgPayload(null, errors(ex));
		}
	}

	private MemberPayload memberChange(String id, Runnable check, Supplier<?> change) {
		try {
			check.run();
			change.get();
			return new MemberPayload(this.members.byIds(List.of(id)).get(id), List.of());
		}
		catch (InvalidDatasetException ex) {
			return new MemberPayload(null, errors(ex));
		}
	}

	/** Ids outside the user's scope are rejected as unknown, before anything is looked at. */
	private void visibleOrgs(String item, Map<String, String> fields) {
		List<Problem> problems = new ArrayList<>();
		fields.forEach((field, orgId) -> {
			if (orgId != null && !orgId.isEmpty() && !this.scope.isVisible(orgId)) {
				problems.add(new Problem(item, field, "no org has id '" + orgId + "'"));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidDatasetException(problems);
		}
	}

	private void visibleMember(String memberId) {
		if (this.scope.root() == null) {
			return;
		}
		OrgRow org = this.members.orgs(List.of(memberId)).get(memberId);
		if (org == null || !this.scope.isVisible(org.id())) {
			throw new InvalidDatasetException(
					List.of(new Problem(memberId, "member", "no member has id '" + memberId + "'")));
		}
	}

	private static String nullable(String value) {
		return (value != null) ? value : "";
	}

	private static List<ChangeError> errors(InvalidDatasetException ex) {
		return ex.problems().stream().map((p) -> new ChangeError(p.item(), p.field(), p.message())).toList();
	}

	private static LocalDate date(String item, String field, String text) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidDatasetException(
					List.of(new Problem(item, field, "'" + text + "' is not an ISO date (yyyy-MM-dd)")));
		}
	}

	public record CreateOrgInput(String id, OrgKind kind, String name, String parent, List<String> units, Trade trade,
			Boolean hasCommittee) {
	}

	public record AddMemberInput(String id, String name, org.partygraph.model.MemberStatus status, String org,
			String unit, Trade trade, org.partygraph.model.Gender gender, String birthDate, String joined,
			String idNumber, String phone, String group) {
	}

	public record ChangeError(String item, String field, String message) {
	}

	public record OrgPayload(OrgRow org, List<ChangeError> errors) {
	}

	public record MemberPayload(MemberRow member, List<ChangeError> errors) {
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
