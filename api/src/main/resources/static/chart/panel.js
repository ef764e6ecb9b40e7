// The side panel: one org's details from org(id), its rule breaks from complianceIssues(within: id)
// filtered to that org, and its members page by page.

import { el } from './dom.js';
import { gql } from './graphql.js';
import { MORE_MEMBERS, ORG_DETAILS, PAST_ORG, TERMS_DUE } from './queries.js';
import { t } from './i18n.js';
import { kindInfo, PATTERNS } from './style.js';

const PAGE = 20;

/** Elections due shown a page at a time (termsDue's first): 50, or the page's ?duePage= (1 to 999). */
const DUE_PAGE = (() => {
  const asked = Number.parseInt(new URLSearchParams(location.search).get('duePage') || '', 10);
  return asked >= 1 && asked < 1000 ? asked : 50;
})();

/** A code's word in the page's language (chart.<prefix>.<code>); the code itself when there is none. */
function word(prefix, code) {
  const key = `chart.${prefix}.${code}`;
  const said = t(key);
  return said === key ? code : said;
}

/** An empty value: a paragraph saying none. */
function none() {
  return el('p', { class: 'none' }, t('chart.none'));
}

export class DetailsPanel {
  constructor(container, handlers) {
    this.container = container;
    this.handlers = handlers;
    this.current = null;
    this.request = 0;
  }

  /** No org chosen: how to use the chart, every rule break in it to jump to, and the elections due. */
  clear() {
    this.current = null;
    this.request += 1;
    const issues = this.handlers.chartIssues();
    const list = issues.length
      ? el('ul', { class: 'issues', id: 'chart-issues' }, issues.map((i) => el('li', { class: `sev-${i.severity}` },
        el('div', {}, this.link({ id: i.orgId, name: i.orgName }), ' ', el('code', {}, i.rule)),
        el('div', { class: 'en' }, i.message))))
      : none();
    this.container.replaceChildren(
      el('p', { class: 'hint' }, t('chart.panelHint')),
      el('h3', {}, t('chart.chartIssues', issues.length)),
      list,
      this.handlers.asOf() ? null : this.termsDue(this.request));
  }

  /**
   * The orgs under the chart's root whose term ends within six months (換屆), soonest first, each
   * a link, DUE_PAGE at a time: the first page when termsDue answers (unless the panel has moved
   * on), the next one after the last org shown when "more" is pressed. Each page asks for one org
   * more than it shows, to know whether another page follows.
   */
  termsDue(request) {
    const section = el('section', { id: 'terms-due', class: 'terms-due' }, el('h3', {}, t('chart.termsDue')),
      el('p', { class: 'hint' }, t('chart.loading')));
    const until = new Date();
    until.setMonth(until.getMonth() + 6);
    const before = until.toISOString().slice(0, 10);
    section.dataset.before = before;
    const root = this.handlers.root();
    const heading = el('h3', {});
    const list = el('ul', { class: 'plain', id: 'terms-due-list' });
    const more = el('button', { type: 'button', id: 'terms-due-more', class: 'small', hidden: true }, t('chart.termsDueMore'));
    let after = null;
    const load = () => gql(TERMS_DUE, { root, before, first: DUE_PAGE + 1, after }).then((data) => {
      if (request !== this.request) {
        return false;
      }
      const page = data.termsDue.slice(0, DUE_PAGE);
      list.append(...page.map((o) => el('li', { dataset: { id: o.id } },
        this.link(o), ' ', el('small', {}, `${kindInfo(o.kind).name} · ${t('chart.termEnds', o.term.endsOn)}`))));
      after = page.length ? page[page.length - 1].id : after;
      const hasMore = data.termsDue.length > DUE_PAGE;
      more.hidden = !hasMore;
      heading.textContent = t(hasMore ? 'chart.termsDueSoFar' : 'chart.termsDueBefore', before, list.children.length);
      return true;
    });
    load().then((current) => {
      if (current) {
        section.replaceChildren(heading, list.children.length ? list : none(), more);
      }
    }).catch((ex) => {
      if (request === this.request) {
        section.replaceChildren(el('p', { class: 'error-text' }, ex.message));
      }
    });
    more.addEventListener('click', () => {
      more.disabled = true;
      load().catch((ex) => this.handlers.onError(ex)).finally(() => { more.disabled = false; });
    });
    return section;
  }

  /**
   * An org of a past chart (asOf): what the chart drew of it on the day (name, kind, counts), its
   * rule breaks that day, and its history up to the day. Today's details are one click away.
   */
  async showPast(id, node, asOf) {
    const request = ++this.request;
    const data = await gql(PAST_ORG, { id, asOf });
    if (request !== this.request) {
      return;
    }
    this.current = id;
    const kind = kindInfo(node.kind);
    const row = (label, ...value) => el('div', { class: 'row' }, el('dt', {}, label), el('dd', {}, ...value));
    const issues = this.handlers.chartIssues().filter((i) => i.orgId === id);
    const events = data.org ? data.org.history : [];
    this.container.replaceChildren(
      el('header', { class: 'panel-head' },
        el('h2', { id: 'panel-name' }, node.name),
        el('div', {},
          el('span', { class: 'chip kind', style: { background: kind.color } }, kind.name),
          ' ', el('code', { class: 'id' }, id))),
      el('p', { class: 'hint', id: 'panel-as-of' }, t('chart.asOfEnd', asOf)
        + (data.today ? (data.today.name !== node.name ? t('chart.todayName', data.today.name) : '') : t('chart.dissolvedSince'))),
      el('dl', { class: 'facts' },
        row(t('chart.members'), el('span', { id: 'panel-member-count' }, String(node.memberCount)),
          ` / ${t('chart.full')} `, el('span', { id: 'panel-full-count' }, String(node.fullMemberCount))),
        row(t('chart.mobile'), this.mobile(data.org))),
      el('section', { id: 'panel-issues' }, el('h3', {}, t('chart.orgRuleBreaks', issues.length)),
        issues.length
          ? el('ul', { class: 'issues' }, issues.map((i) => el('li', { class: `sev-${i.severity}` },
            el('div', {}, el('code', {}, i.rule)), el('div', { class: 'en' }, i.message))))
          : none()),
      el('section', {}, el('h3', {}, t('chart.historyTo', asOf, events.length)),
        el('ol', { class: 'history', id: 'panel-history' }, events.map((e) => el('li', {},
          el('span', { class: 'on' }, e.on), el('code', {}, e.kind), ' ', e.detail)))),
    );
  }

  async show(id) {
    const request = ++this.request;
    this.container.replaceChildren(el('p', { class: 'hint' }, t('chart.loading')));
    let data;
    try {
      data = await gql(ORG_DETAILS, { id, first: PAGE });
    }
    catch (ex) {
      if (request === this.request) {
        this.container.replaceChildren(el('p', { class: 'error-text' }, ex.message));
      }
      throw ex;
    }
    if (request !== this.request) {
      return;
    }
    if (!data.org) {
      this.container.replaceChildren(el('p', { class: 'error-text' }, t('chart.noOrg', id)));
      return;
    }
    this.current = id;
    this.render(data.org, data.complianceIssues.filter((i) => i.orgId === id));
  }

  link(org) {
    return el('a', {
      href: '#', class: 'org-link', dataset: { id: org.id },
      onclick: (ev) => {
        ev.preventDefault();
        this.handlers.onNavigate(org.id);
      },
    }, org.name);
  }

  list(orgs) {
    if (!orgs.length) {
      return el('span', { class: 'none' }, '—');
    }
    return el('ul', { class: 'plain' }, orgs.map((o) => el('li', {}, this.link(o), ' ', el('small', {}, kindInfo(o.kind).name))));
  }

  /**
   * The first secretaries (第一書記) serving the org today: who (a member outside the caller's scope
   * shows as such, chart.outsideMember), since when, sent by which org.
   */
  firstSecretaries(dispatches) {
    if (!dispatches || !dispatches.length) {
      return el('span', { class: 'none', id: 'panel-first-secretaries' }, '—');
    }
    return el('ul', { class: 'plain', id: 'panel-first-secretaries' }, dispatches.map((d) => el('li', {},
      d.member ? d.member.name : t('chart.outsideMember'),
      ' ', el('small', {}, t('chart.dispatchFrom', d.from) + (d.by ? ` · ${t('chart.dispatchBy', d.by.name)}` : '')))));
  }

  /**
   * The development pipeline (發展黨員) of the org's subtree today: applicants, activists,
   * development targets and probationary members, each counted once.
   */
  pipeline(p) {
    const stage = (n, key) => el('span', { class: 'stage', dataset: { stage: key } },
      `${t(`chart.stage.${key}`)} `, el('b', {}, String(n)));
    return el('span', { id: 'panel-pipeline' },
      stage(p.applicants, 'applicants'), ' · ',
      stage(p.activists, 'activists'), ' · ',
      stage(p.developmentTargets, 'developmentTargets'), ' · ',
      stage(p.probationers, 'probationers'));
  }

  /**
   * Mobile members (流動黨員) on the chart's day: the org's own members away elsewhere and the
   * members of other orgs flowing in at it, each time away once (a member is away at one org at a time).
   */
  mobile(org) {
    if (!org || !org.membersAway || !org.flowingIn) {
      return el('span', { class: 'none', id: 'panel-mobile' }, '—');
    }
    return el('span', { id: 'panel-mobile' },
      `${t('chart.away')} `, el('b', { id: 'panel-away' }, String(org.membersAway.length)), ' / ',
      `${t('chart.flowingIn')} `, el('b', { id: 'panel-flowing-in' }, String(org.flowingIn.length)));
  }

  render(org, issues) {
    const kind = kindInfo(org.kind);
    const row = (label, ...value) => el('div', { class: 'row' }, el('dt', {}, label), el('dd', {}, ...value));
    const patterns = org.patterns.map((p) => {
      const info = PATTERNS.find((x) => x.pattern === p);
      return el('span', { class: 'chip pattern', title: p }, info ? info.name : p);
    });
    const units = org.units.length
      ? el('ul', { class: 'plain' }, org.units.map((u) => el('li', {}, u.name, ' ', el('small', {}, word('unitKind', u.kind)))))
      : el('span', { class: 'none' }, '—');

    const members = el('ol', { class: 'members', id: 'panel-members' });
    const moreButton = el('button', { type: 'button', id: 'panel-more', class: 'small' }, t('chart.more'));
    const memberInfo = el('p', { class: 'count', id: 'panel-member-info' });
    let page = org.members;
    const shown = () => members.children.length;
    const addPage = (p) => {
      for (const edge of p.edges) {
        const m = edge.node;
        members.append(el('li', { dataset: { id: m.id } }, m.name, ' ', el('small', {}, word('status', m.status))));
      }
      page = p;
      memberInfo.textContent = `${shown()} / ${p.totalCount}`;
      moreButton.hidden = !p.pageInfo.hasNextPage;
    };
    moreButton.addEventListener('click', async () => {
      moreButton.disabled = true;
      try {
        const data = await gql(MORE_MEMBERS, { id: org.id, first: PAGE, after: page.pageInfo.endCursor });
        if (this.current === org.id && data.org) {
          addPage(data.org.members);
        }
      }
      catch (ex) {
        this.handlers.onError(ex);
      }
      finally {
        moreButton.disabled = false;
      }
    });
    addPage(org.members);

    const issueList = issues.length
      ? el('ul', { class: 'issues' }, issues.map((i) => el('li', { class: `sev-${i.severity}` },
        el('div', {}, el('span', { class: 'chip sev' }, word('severity', i.severity)), ' ', el('code', {}, i.rule)),
        el('div', { class: 'message' }, i.message),
        el('div', { class: 'suggestion' }, `${t('chart.suggestion')} `, i.suggestion),
        el('div', { class: 'article' }, i.article))))
      : none();

    this.container.replaceChildren(
      el('header', { class: 'panel-head' },
        el('h2', { id: 'panel-name' }, org.name),
        el('div', {},
          el('span', { class: 'chip kind', style: { background: kind.color } }, kind.name),
          ' ', el('code', { class: 'id' }, org.id))),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'small', onclick: () => this.handlers.onToggle(org.id) }, t('chart.openClose')),
        el('button', { type: 'button', class: 'small', onclick: () => this.handlers.onReroot(org.id) }, t('chart.chartFromHere'))),
      el('dl', { class: 'facts' },
        row(t('chart.parent'), org.parent ? this.link(org.parent) : el('span', { class: 'none' }, '—')),
        row(t('chart.members'), el('span', { id: 'panel-member-count' }, String(org.memberCount)),
          ` / ${t('chart.full')} `, el('span', { id: 'panel-full-count' }, String(org.fullMemberCount))),
        row(t('chart.secretary'), org.secretary ? org.secretary.name : el('span', { class: 'none' }, '—')),
        row(t('chart.firstSecretary'), this.firstSecretaries(org.firstSecretaries)),
        row(t('chart.pipeline'), this.pipeline(org.pipeline)),
        row(t('chart.mobile'), this.mobile(org)),
        row(t('chart.committee'), org.hasCommittee ? t('chart.yes') : t('chart.no')),
        org.trade ? row(t('chart.trade'), org.trade) : null,
        row(t('chart.coManagers'), this.list(org.coManagers)),
        row(t('chart.coManages'), this.list(org.coManages)),
        row(t('chart.orgUnits'), units),
        row(t('chart.patterns'), patterns.length ? patterns : el('span', { class: 'none' }, '—'))),
      el('section', { id: 'panel-issues' }, el('h3', {}, t('chart.orgRuleBreaks', issues.length)), issueList),
      el('section', {}, el('h3', {}, `${t('chart.members')} `, memberInfo), members, moreButton),
    );
  }
}
