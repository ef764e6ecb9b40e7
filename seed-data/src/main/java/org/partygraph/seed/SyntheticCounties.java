package org.partygraph.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import org.partygraph.model.AwayRecord;
import org.partygraph.model.Candidate;
import org.partygraph.model.Dataset;
import org.partygraph.model.Dispatch;
import org.partygraph.model.Member;
import org.partygraph.model.Org;
import org.partygraph.model.RoleAssignment;
import org.partygraph.model.Unit;
import org.partygraph.model.UnitKind;
import org.partygraph.model.format.DatasetReader;
import org.partygraph.model.format.StreamingDatasetWriter;

/**
 * Synthetic data at province scale: N counties shaped like the sample county, deterministic by
 * seed, streamed item by item so that no more than a few counties are ever in memory.
 *
 * <p>
 * A synthetic county is made of {@code blocks} copies of the sample county's structure, each built
 * from its own seed by the same builders (so each has the report's pattern proportions and the four
 * planted rule breaks): the first block brings the county committee, the working committee, the
 * county office branch, the county unit and the industries; later blocks hang their townships and
 * enterprise orgs under those instead of bringing their own. With the default of
 * {@value #DEFAULT_BLOCKS} blocks a county holds 16,491 members, so 120 counties make a province of
 * about two million.
 *
 * <p>
 * Ids are the sample's with a county prefix ({@code c007-o-v-xz}, or {@code c007-2-o-v-xz} in the
 * third block); names are the sample's with 懷仁 replaced by the synthetic county's name. The
 * counties are separate roots of one dataset.
 *
 * <p>
 * Each block carries the sample county's member lifecycle (docs/contract.md section 8), built from
 * the block's seed: candidates (applicants, activists, development targets in most villages, with
 * their records; Development), first secretaries sent from county-level orgs to the weakest
 * villages, and a few percent of the villages' members away at parks and enterprises
 * (DualRelations). Later blocks leave out those of the county officers, who stay in the first.
 */
public final class SyntheticCounties {

	/** Sample-county blocks per synthetic county: about 16,500 members each. */
	public static final int DEFAULT_BLOCKS = 3;

	/** Ids the first block of a county brings and later blocks share. */
	private static final Set<String> SHARED_ORGS = Set.of(HuairenCounty.COUNTY_COMMITTEE,
			HuairenCounty.WORKING_COMMITTEE, HuairenCounty.COUNTY_OFFICE_BRANCH);

	private static final String FIRST = "安平永寧興和長清東西南北新豐泰康廣靈陽嘉";

	private static final String SECOND = "原川城陵山水寧德安泉澤源遠化谷林昌陽定遷";

	private final int counties;

	private final int blocks;

	private final long seed;

	/**
	 * @param counties how many counties, at least 1
	 * @param blocks sample-county blocks per county, at least 1
	 * @param seed the seed; the same three numbers always give the same items in the same order
	 */
	public SyntheticCounties(int counties, int blocks, long seed) {
		if (counties < 1 || counties > FIRST.length() * SECOND.length()) {
			throw new IllegalArgumentException("counties must be between 1 and " + FIRST.length() * SECOND.length()
					+ ", not " + counties);
		}
		if (blocks < 1 || blocks > 200) {
			throw new IllegalArgumentException("blocks must be between 1 and 200, not " + blocks);
		}
		this.counties = counties;
		this.blocks = blocks;
		this.seed = seed;
	}

	/** The default dataset name, e.g. {@code 合成省(120縣,種子1)}. */
	public String defaultName() {
		return "合成省(" + this.counties + "縣,種子" + this.seed + ")";
	}

	/** The synthetic name of the county at a 0-based index, e.g. {@code 安原縣}. */
	public static String countyName(int county) {
		return stem(county) + "縣";
	}

	/** The root org id of the county at a 0-based index. */
	public static String countyCommittee(int county) {
		return prefix(county, 0) + HuairenCounty.COUNTY_COMMITTEE;
	}

	/** The id an item of the sample county has in the given county (0-based) and block. */
	public static String id(int county, int block, String sampleId) {
		return prefix(county, block) + sampleId;
	}

	/** Told after each county is given out. */
	@FunctionalInterface
	public interface Progress {

		void county(int done, int total, long members);

	}

	/**
	 * Gives every item to the sink: county by county, each county's units, orgs, members,
	 * candidates, dispatches and stays away in block order. Blocks are built on two threads at most, a few ahead of the sink.
	 * @param sink takes the items; {@code endOfList} is not called
	 * @param progress told after each county
	 */
	public void generate(DatasetReader.ItemSink sink, Progress progress) {
		int total = this.counties * this.blocks;
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()),
				(task) -> {
					Thread thread = new Thread(task, "synthetic-county");
					thread.setDaemon(true);
					return thread;
				});
		try {
			Deque<Future<Dataset>> ahead = new ArrayDeque<>();
			int next = 0;
			long members = 0;
			for (int done = 0; done < total; done++) {
				while (next < total && ahead.size() < 4) {
					int county = next / this.blocks;
					int block = next % this.blocks;
					ahead.add(pool.submit(() -> block(county, block)));
					next++;
				}
				Dataset block = ahead.remove().get();
				block.units().forEach(sink::unit);
				block.orgs().forEach(sink::org);
				block.members().forEach(sink::member);
				block.candidates().forEach(sink::candidate);
				block.dispatches().forEach(sink::dispatch);
				block.away().forEach(sink::away);
				members += block.members().size();
				if (done % this.blocks == this.blocks - 1) {
					progress.county(done / this.blocks + 1, this.counties, members);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while generating", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("generating a county failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Writes the counties as one {@code party-graph/2} file (with candidates, dispatches and stays
	 * away).
	 * @param file the file, replaced when done
	 * @param name the dataset's name
	 * @param progress told after each county
	 * @return counts of what was written: units, orgs, members, candidates, dispatches, stays away
	 * @throws IOException if the file cannot be written
	 */
	public long[] write(Path file, String name, Progress progress) throws IOException {
		return write(file, name, progress, null);
	}

	/**
	 * As {@link #write(Path, String, Progress)}, each org and member also fed to {@code history}
	 * (when not {@code null}), for the years of history leading to them.
	 */
	public long[] write(Path file, String name, Progress progress, SyntheticHistory history) throws IOException {
		try (StreamingDatasetWriter writer = new StreamingDatasetWriter(file, name)) {
			generate(new DatasetReader.ItemSink() {

				@Override
				public void unit(Unit unit) {
					writer.unit(unit);
				}

				@Override
				public void org(Org org) {
					writer.org(org);
					if (history != null) {
						history.org(org);
					}
				}

				@Override
				public void member(Member member) {
					writer.member(member);
					if (history != null) {
						history.member(member);
					}
				}

				@Override
				public void candidate(Candidate candidate) {
					writer.candidate(candidate);
				}

				@Override
				public void dispatch(Dispatch dispatch) {
					writer.dispatch(dispatch);
				}

				@Override
				public void away(AwayRecord record) {
					writer.away(record);
				}

			}, progress);
			return new long[] { writer.unitCount(), writer.orgCount(), writer.memberCount(), writer.candidateCount(),
					writer.dispatchCount(), writer.awayCount() };
		}
	}

	/** One block of one county, its ids and names made the county's. */
	Dataset block(int county, int block) {
		long blockSeed = blockSeed(county, block);
		Dataset sample = HuairenCounty.dataset(blockSeed);
		boolean first = block == 0;
		UnaryOperator<String> id = (original) -> (original == null) ? null
				: prefix(county, (first || isShared(original)) ? 0 : block) + original;
		String stem = stem(county);
		UnaryOperator<String> name = (original) -> original.replace("懷仁", stem);
		List<Unit> units = new ArrayList<>();
		for (Unit unit : sample.units()) {
			if (!first && isSharedUnit(unit)) {
				continue;
			}
			units.add(new Unit(id.apply(unit.id()), unit.kind(), name.apply(unit.name()), id.apply(unit.locatedIn()),
					id.apply(unit.industry()), id.apply(unit.supplies()), unit.households(), unit.householdsDriven(),
					unit.leading(), unit.industryCluster(), unit.adjacentTo().stream().map(id).toList()));
		}
		List<Org> orgs = new ArrayList<>();
		for (Org org : sample.orgs()) {
			if (!first && SHARED_ORGS.contains(org.id())) {
				continue;
			}
			orgs.add(new Org(id.apply(org.id()), org.kind(), name.apply(org.name()), id.apply(org.parent()),
					org.coManagedBy().stream().map(id).toList(), org.units().stream().map(id).toList(), org.trade(),
					org.hasCommittee(), org.electedOn()));
		}
		List<Member> members = new ArrayList<>();
		for (Member member : sample.members()) {
			// Later blocks bring no county officers: the first block's office branch holds them.
			if (!first && HuairenCounty.COUNTY_OFFICE_BRANCH.equals(member.org())) {
				continue;
			}
			List<RoleAssignment> roles = member.roles()
				.stream()
				.filter((role) -> first || !SHARED_ORGS.contains(role.org()))
				.map((role) -> new RoleAssignment(id.apply(role.org()), role.role()))
				.toList();
			members.add(new Member(id.apply(member.id()), member.name(), member.status(), id.apply(member.org()),
					id.apply(member.unit()), member.trade(), member.gender(), member.birthDate(), member.joined(),
					member.idNumber(), member.phone(), id.apply(member.group()), roles,
					member.participatesIn().stream().map(id).toList(), member.probationSince(),
					member.probationExtendedTo()));
		}
		// The member lifecycle (issue #21) as the sample county has it: candidates with their records,
		// first secretaries' dispatches and stays away. Later blocks bring none for the members and
		// the shared orgs they leave out (the county officers stay with the first block).
		Set<String> kept = new java.util.HashSet<>();
		members.forEach((m) -> kept.add(m.id()));
		List<Candidate> candidates = new ArrayList<>();
		for (Candidate c : sample.candidates()) {
			if (!first && SHARED_ORGS.contains(c.org())) {
				continue;
			}
			String member = id.apply(c.member());
			if (member != null && !kept.contains(member)) {
				continue;
			}
			// A candidate who is no member yet is named afresh for each block: the sample draws their
			// names from the org's id, which every block shares.
			String candidateName = (member != null || c.gender() == null) ? c.name()
					: ChineseNames.fullName(new SplittableRandom(blockSeed ^ c.id().hashCode()), c.gender());
			candidates.add(new Candidate(id.apply(c.id()), candidateName, id.apply(c.org()), c.stage(), c.appliedOn(),
					c.activistSince(), c.targetSince(), c.admittedOn(), member, c.gender(), c.birthDate(), c.records()));
		}
		List<Dispatch> dispatches = new ArrayList<>();
		for (Dispatch d : sample.dispatches()) {
			if (kept.contains(id.apply(d.member()))) {
				dispatches.add(new Dispatch(id.apply(d.member()), id.apply(d.village()), d.from(), d.to(),
						id.apply(d.by())));
			}
		}
		List<AwayRecord> away = new ArrayList<>();
		for (AwayRecord a : sample.away()) {
			if (kept.contains(id.apply(a.member()))) {
				away.add(new AwayRecord(id.apply(a.member()), id.apply(a.org()), a.from(), a.to()));
			}
		}
		return new Dataset(sample.name(), units, orgs, members, candidates, dispatches, away);
	}

	private static boolean isShared(String id) {
		if (SHARED_ORGS.contains(id) || HuairenCounty.COUNTY_UNIT.equals(id)) {
			return true;
		}
		return id.startsWith("u-i-");
	}

	private static boolean isSharedUnit(Unit unit) {
		return HuairenCounty.COUNTY_UNIT.equals(unit.id()) || unit.kind() == UnitKind.INDUSTRY;
	}

	long blockSeed(int county, int block) {
		return new SplittableRandom(this.seed * 1_000_003L + county * 101L + block).nextLong();
	}

	private static String prefix(int county, int block) {
		String base = String.format("c%03d-", county + 1);
		return (block == 0) ? base : base + (block + 1) + "-";
	}

	private static String stem(int county) {
		// Walks the pairs diagonally, so neighbouring counties differ in both characters.
		int first = county % FIRST.length();
		int second = (county / FIRST.length() + county) % SECOND.length();
		return "" + FIRST.charAt(first) + SECOND.charAt(second);
	}

}
