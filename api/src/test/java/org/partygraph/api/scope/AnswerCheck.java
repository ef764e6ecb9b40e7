package org.partygraph.api.scope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.Scalars;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Checks one answer of the scope walk against what the user may see, guided by the schema type of each
 * value (known from the selection that asked for it):
 * <ul>
 * <li>every {@code Org} has its id in the scope; every {@code Member} has its membership org in it (as the
 * admin sees it), and a VIEWER gets no {@code Member} at all; every {@code Transfer} has its from or to org
 * in it; every {@code Scenario} is owned by the scope (its saver's);</li>
 * <li>no ID-typed value is the id of an org or member outside the scope (for a VIEWER, of any member);</li>
 * <li>{@code idNumber}, {@code phone}, {@code birthDate} are null for roles below ORG_ADMIN, with a
 * FORBIDDEN error at their path;</li>
 * <li>no string (nor error message) holds the name of a member the user may not see: any member for a
 * VIEWER, a member outside the scope otherwise (names that are also in an org's, a unit's or a rule's
 * text, or in the name of a member in the scope, are not looked for; a Member's or Candidate's own name
 * is judged with it); no error message holds the id of
 * an org or member outside the scope other than the one the call itself passed;</li>
 * <li>no error says a request limit refused the document or that the service failed
 * ({@code INTERNAL_ERROR}): either would hide part of the walk.</li>
 * </ul>
 * A call with an id outside the scope must answer exactly as the same call with a made-up id (data and
 * errors alike, the two ids replaced by one placeholder): see {@link #compare}.
 */
final class AnswerCheck {

	private static final Set<String> PERSONAL = Set.of("idNumber", "phone", "birthDate");

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	/**
	 * What the admin sees, to judge the answers by.
	 *
	 * @param orgs every org id
	 * @param memberOrgs every member id with its membership org, and every candidate id with its
	 * developing org (a candidate is scoped by it as a member by its membership)
	 * @param memberNames every member and candidate id with its name
	 * @param scenarioOwner every saved scenario's name with its owner scope (null: everything)
	 * @param transfers a member's transfers (id to from and to org ids), asked lazily
	 * @param neutralText org and unit names and rule texts, where a member name is not looked for
	 */
	record Facts(Set<String> orgs, Map<String, String> memberOrgs, Map<String, String> memberNames,
			Map<String, String> scenarioOwner, Function<String, Map<String, List<String>>> transfers,
			String neutralText) {
	}

	private final Facts facts;

	private final String user;

	private final String role;

	private final Set<String> scope;

	private final Set<String> hiddenNames = new HashSet<>();

	private int shortestName = Integer.MAX_VALUE;

	private int longestName;

	private final List<String> violations = new ArrayList<>();

	AnswerCheck(Facts facts, String user, String role, Set<String> scope) {
		this.facts = facts;
		this.user = user;
		this.role = role;
		this.scope = scope;
		Set<String> insideNames = new HashSet<>();
		facts.memberNames().forEach((id, name) -> {
			if (!viewer() && inside(id)) {
				insideNames.add(name);
			}
		});
		String insideText = String.join("\n", insideNames);
		facts.memberNames().forEach((id, name) -> {
			if ((viewer() || !inside(id)) && !insideText.contains(name) && name.length() >= 2
					&& !facts.neutralText().contains(name)) {
				this.hiddenNames.add(name);
				this.shortestName = Math.min(this.shortestName, name.length());
				this.longestName = Math.max(this.longestName, name.length());
			}
		});
	}

	private boolean viewer() {
		return "VIEWER".equals(this.role);
	}

	/** Whether a member's membership is in the scope. */
	private boolean inside(String memberId) {
		return this.scope.contains(this.facts.memberOrgs().get(memberId));
	}

	/** The violations found so far, one line each. */
	List<String> violations() {
		return this.violations;
	}

	private void violation(String where, String id, String what) {
		this.violations.add(this.user + " | " + where + " | " + ((id != null) ? id : "-") + " | " + what);
	}

	/** Checks every call's answer in a response of this document. */
	void check(SchemaWalk.Doc doc, Map<String, Object> response) {
		Map<String, Object> data = map(response.get("data"));
		List<Map<String, Object>> errors = errors(response);
		Set<String> forbidden = new HashSet<>();
		for (Map<String, Object> error : errors) {
			Object path = error.get("path");
			if ("FORBIDDEN".equals(classification(error)) && path != null) {
				forbidden.add(path.toString());
			}
			String alias = (path instanceof List<?> list && !list.isEmpty()) ? String.valueOf(list.get(0)) : null;
			SchemaWalk.Call call = (alias != null) ? doc.calls.get(alias) : null;
			String where = (call != null) ? describe(call, (List<?>) path) : "document";
			String message = String.valueOf(error.get("message"));
			if (message.contains("party-graph.limits") || "INTERNAL_ERROR".equals(classification(error))) {
				violation(where, null, "walk lost an answer: " + classification(error) + " " + message);
			}
			for (Matcher m = TOKEN.matcher(message); m.find();) {
				String token = m.group();
				if (call != null && token.equals(call.argument()) || call != null && call.args().contains(quoted(token))) {
					continue;
				}
				if (this.facts.orgs().contains(token) && !this.scope.contains(token)) {
					violation(where, token, "error message names an org outside the scope: " + message);
				}
				else if (this.facts.memberOrgs().containsKey(token) && (viewer() || !inside(token))) {
					violation(where, token, "error message names a member the user may not see: " + message);
				}
			}
			names(where, message, "error message");
		}
		if (data == null) {
			return;
		}
		doc.roots.forEach((alias, sel) -> {
			if (data.containsKey(alias)) {
				List<Object> path = new ArrayList<>();
				path.add(alias);
				visit(data.get(alias), sel, doc.calls.get(alias), path, null, forbidden);
			}
		});
	}

	private static String quoted(String token) {
		return "\"" + token + "\"";
	}

	private void visit(Object value, SchemaWalk.Sel sel, SchemaWalk.Call call, List<Object> path, String member,
			Set<String> forbidden) {
		if (sel.field == null) {
			return;
		}
		GraphQLType named = GraphQLTypeUtil.unwrapAll(sel.field.getType());
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				path.add(i);
				visit(list.get(i), sel, call, path, member, forbidden);
				path.remove(path.size() - 1);
			}
			return;
		}
		if (PERSONAL.contains(sel.key) && !"ORG_ADMIN".equals(this.role)) {
			if (value != null) {
				violation(describe(call, path), member, "personal field shown to " + this.role);
			}
			else if (!forbidden.contains(path.toString())) {
				violation(describe(call, path), member, "personal field null without a FORBIDDEN error at its path");
			}
		}
		if (value == null) {
			return;
		}
		if (named instanceof GraphQLObjectType type && value instanceof Map<?, ?> object) {
			String id = (object.get("id") instanceof String s) ? s : null;
			String enclosing = member;
			switch (type.getName()) {
				case "Org" -> {
					if (id != null && !this.scope.contains(id)) {
						violation(describe(call, path), id, "Org outside the scope");
					}
				}
				case "Member" -> {
					enclosing = id;
					if (viewer()) {
						violation(describe(call, path), id, "Member shown to a VIEWER");
					}
					else if (id != null && !inside(id)) {
						violation(describe(call, path), id, "Member whose membership ("
								+ this.facts.memberOrgs().get(id) + ") is outside the scope");
					}
				}
				case "Transfer" -> transfer(call, path, member, id);
				case "Scenario" -> {
					Object name = object.get("name");
					if (name instanceof String scenario && this.facts.scenarioOwner().containsKey(scenario)) {
						String within = this.facts.scenarioOwner().get(scenario);
						if (within == null || !this.scope.contains(within)) {
							violation(describe(call, path), scenario,
									"Scenario owned by " + within + ", outside the scope");
						}
					}
				}
				default -> {
				}
			}
			for (SchemaWalk.Sel child : sel.children.values()) {
				// The id of an Org or Member, and a Member's own name, were judged with the object itself.
				// A Member's or Candidate's own name is judged with it (a candidate may share a name with
				// a member elsewhere: the sample's names come from one pool).
				boolean judged = ("Org".equals(type.getName()) || "Member".equals(type.getName()))
						&& "id".equals(child.key)
						|| ("Member".equals(type.getName()) || "Candidate".equals(type.getName())) && "name".equals(child.key);
				if (object.containsKey(child.key) && !judged) {
					path.add(child.key);
					visit(object.get(child.key), child, call, path, enclosing, forbidden);
					path.remove(path.size() - 1);
				}
			}
			return;
		}
		if (named == Scalars.GraphQLID && value instanceof String id) {
			if (this.facts.orgs().contains(id) && !this.scope.contains(id)) {
				violation(describe(call, path), id, "id of an org outside the scope");
			}
			else if (this.facts.memberOrgs().containsKey(id) && viewer()) {
				violation(describe(call, path), id, "member id shown to a VIEWER");
			}
			else if (this.facts.memberOrgs().containsKey(id) && !inside(id)) {
				violation(describe(call, path), id, "id of a member outside the scope");
			}
		}
		else if (value instanceof String text) {
			names(describe(call, path), text, "text");
		}
	}

	private void transfer(SchemaWalk.Call call, List<Object> path, String member, String id) {
		if (member == null || id == null) {
			return;
		}
		List<String> ends = this.facts.transfers().apply(member).get(id);
		if (ends == null) {
			violation(describe(call, path), id, "Transfer the admin does not see among " + member + "'s transfers");
		}
		else if (!this.scope.contains(ends.get(0)) && !this.scope.contains(ends.get(1))) {
			violation(describe(call, path), id, "Transfer from " + ends.get(0) + " to " + ends.get(1)
					+ ", both outside the scope");
		}
	}

	/** Reports the names of members the user may not see found in a text. */
	private void names(String where, String text, String what) {
		if (this.hiddenNames.isEmpty()) {
			return;
		}
		Set<String> found = new java.util.TreeSet<>();
		for (int start = 0; start < text.length(); start++) {
			for (int length = this.shortestName; length <= this.longestName && start + length <= text.length(); length++) {
				String candidate = text.substring(start, start + length);
				if (this.hiddenNames.contains(candidate)) {
					found.add(candidate);
				}
			}
		}
		// 王金 inside 王金貴 is the same name found once.
		found.removeIf((name) -> found.stream().anyMatch((other) -> other.length() > name.length() && other.contains(name)));
		for (String name : found) {
			violation(where, name, what + " holds the name of a member " + (viewer() ? "(VIEWER)" : "outside the scope")
					+ ": " + abbreviate(text));
		}
	}

	private static String abbreviate(String text) {
		String line = text.replace('\n', ' ');
		return (line.length() > 160) ? line.substring(0, 160) + "…" : line;
	}

	/**
	 * Compares the two calls of each outside/made-up pair of a document: data and errors must be the same
	 * once the outside id and the made-up id are both replaced by one placeholder.
	 */
	void compare(SchemaWalk.Doc doc, Map<String, Object> response) {
		Map<String, Object> data = map(response.get("data"));
		for (SchemaWalk.Pair pair : doc.pairs) {
			Object outside = (data != null) ? replace(data.get(pair.outside().alias()), pair.outside().argument()) : null;
			Object unknown = (data != null) ? replace(data.get(pair.unknown().alias()), pair.unknown().argument()) : null;
			List<String> outsideErrors = errorsOf(response, pair.outside());
			List<String> unknownErrors = errorsOf(response, pair.unknown());
			if (!Objects.equals(outside, unknown)) {
				violation(pair.outside().label(), pair.outside().argument(),
						"answers other data than the made-up " + pair.unknown().argument() + ": " + abbreviate(
								String.valueOf(outside)) + " against " + abbreviate(String.valueOf(unknown)));
			}
			if (!outsideErrors.equals(unknownErrors)) {
				violation(pair.outside().label(), pair.outside().argument(), "answers other errors than the made-up "
						+ pair.unknown().argument() + ": " + outsideErrors + " against " + unknownErrors);
			}
		}
	}

	private static List<String> errorsOf(Map<String, Object> response, SchemaWalk.Call call) {
		List<String> found = new ArrayList<>();
		for (Map<String, Object> error : errors(response)) {
			if (error.get("path") instanceof List<?> path && !path.isEmpty() && call.alias().equals(path.get(0))) {
				found.add(classification(error) + " at " + path.subList(1, path.size()) + ": "
						+ replace(error.get("message"), call.argument()));
			}
		}
		found.sort(null);
		return found;
	}

	private static Object replace(Object value, String id) {
		if (value instanceof String text) {
			return text.replace(id, "<ID>");
		}
		if (value instanceof List<?> list) {
			return list.stream().map((v) -> replace(v, id)).toList();
		}
		if (value instanceof Map<?, ?> object) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			object.forEach((k, v) -> copy.put(k, replace(v, id)));
			return copy;
		}
		return value;
	}

	/** The call and the JSON path below it, e.g. {@code org(id: "o-npe").secretary.org}. */
	static String describe(SchemaWalk.Call call, List<?> path) {
		StringBuilder out = new StringBuilder(call.label());
		for (Object step : path.subList(1, path.size())) {
			if (step instanceof Integer i) {
				out.append('[').append(i).append(']');
			}
			else {
				out.append('.').append(step);
			}
		}
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : null;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(Map<String, Object> response) {
		Object errors = response.get("errors");
		return (errors instanceof List<?>) ? (List<Map<String, Object>>) errors : List.of();
	}

	static String classification(Map<String, Object> error) {
		Map<String, Object> extensions = map(error.get("extensions"));
		return (extensions != null) ? String.valueOf(extensions.get("classification")) : null;
	}

}
