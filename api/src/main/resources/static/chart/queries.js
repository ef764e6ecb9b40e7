// The GraphQL documents the page sends; all of them go to the public API.

const CHART_FIELDS = `
  nodes { id label kind unit memberCount fullMemberCount depth parent childCount external }
  edges { source target kind }`;

export const ORG_CHART = `
query OrgChart($root: ID!, $depth: Int, $units: Boolean) {
  orgChart(root: $root, depth: $depth, units: $units) { ${CHART_FIELDS} }
}`;

export const ROOT_INFO = `
query RootInfo($root: ID!) {
  org(id: $root) { id name kind parent { id name } }
  complianceIssues(within: $root) { rule severity orgId orgName message }
}`;

export const COMPLIANCE = `
query Compliance($root: ID!) {
  complianceIssues(within: $root) { rule severity orgId orgName message }
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
    patterns
    members(first: $first) { ${MEMBER_PAGE} }
  }
  complianceIssues(within: $id) { rule severity orgId message messageZh suggestion article }
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
    report {
      membersMoved
      moves { memberId memberName fromOrg toOrg }
      orgsCreated orgsDissolved changes
      issuesFixed { rule orgId orgName }
      issuesIntroduced { rule orgId orgName }
      orgChanges {
        orgId name kind nameBefore kindBefore parent parentBefore memberCount memberCountBefore
        created dissolved moved
      }
    }
  }
}`;

export const ORG_PATHS = `
query OrgPaths($ids: [ID!]!, $first: Int) {
  orgs(filter: { ids: $ids }, first: $first) { edges { node { id ancestors { id } } } }
}`;
