// The GraphQL documents the page sends; all of them go to the public API.

const CHART_FIELDS = `
  nodes { id label kind unit memberCount fullMemberCount depth parent childCount external }
  edges { source target kind count }`;

export const ORG_CHART = `
query OrgChart($root: ID!, $depth: Int, $units: Boolean, $asOf: Date) {
  orgChart(root: $root, depth: $depth, units: $units, asOf: $asOf) { ${CHART_FIELDS} }
}`;

export const ROOT_INFO = `
query RootInfo($root: ID!, $asOf: Date) {
  org(id: $root) { id name kind parent { id name } }
  complianceIssues(within: $root, asOf: $asOf) { rule severity orgId orgName message }
}`;

export const COMPLIANCE = `
query Compliance($root: ID!, $asOf: Date) {
  complianceIssues(within: $root, asOf: $asOf) { rule severity orgId orgName message }
}`;

// The side panel's list of elections due (換屆) in the chart's subtree, a page of first after the org after
// (soonest first, then by id: the keyset of termsDue).
export const TERMS_DUE = `
query TermsDue($root: ID, $before: Date!, $first: Int, $after: ID) {
  termsDue(within: $root, before: $before, first: $first, after: $after) { id name kind term { electedOn endsOn } }
}`;

// What the scenario view draws of a what-if report (a saved scenario's, or compareDays').
const REPORT_FIELDS = `
  membersMoved
  moves { memberId memberName fromOrg toOrg }
  orgsCreated orgsDissolved changes
  issuesFixed { rule orgId orgName }
  issuesIntroduced { rule orgId orgName }
  orgChanges {
    orgId name kind nameBefore kindBefore parent parentBefore memberCount memberCountBefore
    created dissolved moved
  }`;

// What changed in the chart's subtree between two days, drawn as a scenario is (the same report).
export const COMPARE_DAYS = `
query CompareDays($root: ID!, $from: Date!, $to: Date!) {
  compareDays(within: $root, from: $from, to: $to) { ${REPORT_FIELDS} }
}`;

// An org of a past chart as it stood on the day (asOf: found also when dissolved since; its history up
// to the day), and today's name (null when dissolved since).
export const PAST_ORG = `
query PastOrg($id: ID!, $asOf: Date) {
  today: org(id: $id) { id name }
  org(id: $id, asOf: $asOf) { id name history { on kind detail } membersAway { from } flowingIn { from } }
}`;

const MEMBER_PAGE = `
  totalCount
  edges { node { id name status trade } }
  pageInfo { hasNextPage endCursor }`;

export const ORG_DETAILS = `
query OrgDetails($id: ID!, $first: Int) {
  org(id: $id) {
    id name kind trade hasCommittee
    parent { id name kind }
    memberCount fullMemberCount
    coManagers { id name kind }
    coManages { id name kind }
    units { id name kind }
    secretary { id name }
    firstSecretaries { member { id name } from by { id name } }
    pipeline { applicants activists developmentTargets probationers }
    membersAway { from }
    flowingIn { from }
    patterns
    members(first: $first) { ${MEMBER_PAGE} }
  }
  complianceIssues(within: $id) { rule severity orgId message suggestion article }
}`;

export const MORE_MEMBERS = `
query MoreMembers($id: ID!, $first: Int, $after: String) {
  org(id: $id) { id members(first: $first, after: $after) { ${MEMBER_PAGE} } }
}`;

export const SEARCH_ORGS = `
query SearchOrgs($text: String!, $first: Int) {
  orgs(filter: { nameContains: $text }, first: $first) {
    totalCount
    edges { node { id name kind parent { name } } }
  }
}`;

export const ANCESTORS = `
query Ancestors($id: ID!) {
  org(id: $id) { id ancestors { id } }
}`;

export const PATTERN_INSTANCES = `
query PatternInstances($pattern: Pattern!, $within: ID) {
  patternInstances(pattern: $pattern, within: $within) { orgId orgName }
}`;

export const SCENARIOS = `
query Scenarios {
  scenarios { name within operationCount savedAt appliedAt }
}`;

export const SCENARIO_REPORT = `
query ScenarioReport($name: String!) {
  scenario(name: $name) {
    name within note operationCount savedAt liveChanged appliedAt reportUrl
    scope { id name }
    report { ${REPORT_FIELDS} }
  }
}`;

export const ORG_PATHS = `
query OrgPaths($ids: [ID!]!, $first: Int) {
  orgs(filter: { ids: $ids }, first: $first) { edges { node { id ancestors { id } } } }
}`;
