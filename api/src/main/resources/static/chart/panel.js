// The side panel: one org's details from org(id), its rule breaks from complianceIssues(within: id)
// filtered to that org, and its members page by page.

import { el } from './dom.js';
import { gql } from './graphql.js';
import { MORE_MEMBERS, ORG_DETAILS, PAST_ORG, TERMS_DUE } from './queries.js';
import { kindInfo, PATTERNS, UNIT_KINDS } from './style.js';

const PAGE = 20;
const STATUS = { FULL: '正式', PROBATIONARY: '預備' };
const SEVERITY = { ERROR: '錯誤 error', WARNING: '警告 warning', INFO: '提示 info' };

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
      : el('p', { class: 'none' }, '無 none');
    this.container.replaceChildren(
      el('p', { class: 'hint' },
        '點擊組織查看詳情，雙擊展開或收起下級。 Click an org for its details; double-click to open or close its sub-orgs.'),
      el('h3', {}, `本圖違規 rule breaks in this chart (${issues.length})`),
      list,
      this.handlers.asOf() ? null : this.termsDue(this.request));
  }

  /**
   * The orgs under the chart's root whose term ends within six months (換屆), soonest first, each
   * a link; filled in when termsDue answers (unless the panel has moved on).
   */
  termsDue(request) {
    const section = el('section', { id: 'terms-due', class: 'terms-due' }, el('h3', {}, '換屆到期 elections due'),
      el('p', { class: 'hint' }, '載入中… Loading…'));
    const until = new Date();
    until.setMonth(until.getMonth() + 6);
    const before = until.toISOString().slice(0, 10);
    section.dataset.before = before;
    gql(TERMS_DUE, { root: this.handlers.root(), before }).then((data) => {
      if (request !== this.request) {
        return;
      }
      const due = data.termsDue;
      section.replaceChildren(
        el('h3', {}, `換屆到期 elections due before ${before} (${due.length})`),
        due.length
          ? el('ul', { class: 'plain', id: 'terms-due-list' }, due.map((o) => el('li', { dataset: { id: o.id } },
            this.link(o), ' ', el('small', {}, `${kindInfo(o.kind).zh} · 任期至 term ends ${o.term.endsOn}`))))
          : el('p', { class: 'none' }, '無 none'));
    }).catch((ex) => {
      if (request === this.request) {
        section.replaceChildren(el('p', { class: 'error-text' }, ex.message));
      }
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
    const events = data.org ? data.org.history.filter((e) => e.on <= asOf) : [];
    this.container.replaceChildren(
      el('header', { class: 'panel-head' },
        el('h2', { id: 'panel-name' }, node.name),
        el('div', {},
          el('span', { class: 'chip kind', style: { background: kind.color } }, `${kind.zh} ${kind.en}`),
          ' ', el('code', { class: 'id' }, id))),
      el('p', { class: 'hint', id: 'panel-as-of' }, `截至 ${asOf} as of the end of that day`
        + (data.org ? (data.org.name !== node.name ? `; today: ${data.org.name}` : '') : '; dissolved since')),
      el('dl', { class: 'facts' },
        row('黨員 members', el('span', { id: 'panel-member-count' }, String(node.memberCount)),
          ' / 正式 full ', el('span', { id: 'panel-full-count' }, String(node.fullMemberCount))),
        row('流動黨員 mobile', this.mobile(data.org))),
      el('section', { id: 'panel-issues' }, el('h3', {}, `違規 rule breaks (${issues.length})`),
        issues.length
          ? el('ul', { class: 'issues' }, issues.map((i) => el('li', { class: `sev-${i.severity}` },
            el('div', {}, el('code', {}, i.rule)), el('div', { class: 'en' }, i.message))))
          : el('p', { class: 'none' }, '無 none')),
      el('section', {}, el('h3', {}, `經過 history to ${asOf} (${events.length})`),
        el('ol', { class: 'history', id: 'panel-history' }, events.map((e) => el('li', {},
          el('span', { class: 'on' }, e.on), el('code', {}, e.kind), ' ', e.detail)))),
    );
  }

  async show(id) {
    const request = ++this.request;
    this.container.replaceChildren(el('p', { class: 'hint' }, '載入中… Loading…'));
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
      this.container.replaceChildren(el('p', { class: 'error-text' }, `No org has the id ${id}.`));
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
    return el('ul', { class: 'plain' }, orgs.map((o) => el('li', {}, this.link(o), ' ', el('small', {}, kindInfo(o.kind).zh))));
  }

  /**
   * The first secretaries (第一書記) serving the org today: who (a member outside the caller's scope
   * shows as 另一組織黨員), since when, sent by which org.
   */
  firstSecretaries(dispatches) {
    if (!dispatches || !dispatches.length) {
      return el('span', { class: 'none', id: 'panel-first-secretaries' }, '—');
    }
    return el('ul', { class: 'plain', id: 'panel-first-secretaries' }, dispatches.map((d) => el('li', {},
      d.member ? d.member.name : '另一組織黨員 a member outside your scope',
      ' ', el('small', {}, `自 from ${d.from}` + (d.by ? ` · ${d.by.name} 派出 sent` : '')))));
  }

  /**
   * The development pipeline (發展黨員) of the org's subtree today: applicants, activists,
   * development targets and probationary members, each counted once.
   */
  pipeline(p) {
    const stage = (zh, en, n, key) => el('span', { class: 'stage', dataset: { stage: key } },
      `${zh} ${en} `, el('b', {}, String(n)));
    return el('span', { id: 'panel-pipeline' },
      stage('申請人', 'applicants', p.applicants, 'applicants'), ' · ',
      stage('積極分子', 'activists', p.activists, 'activists'), ' · ',
      stage('發展對象', 'targets', p.developmentTargets, 'developmentTargets'), ' · ',
      stage('預備黨員', 'probationary', p.probationers, 'probationers'));
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
      '外出 members away ', el('b', { id: 'panel-away' }, String(org.membersAway.length)), ' / ',
      '流入 flowing in ', el('b', { id: 'panel-flowing-in' }, String(org.flowingIn.length)));
  }

  render(org, issues) {
    const kind = kindInfo(org.kind);
    const row = (label, ...value) => el('div', { class: 'row' }, el('dt', {}, label), el('dd', {}, ...value));
    const patterns = org.patterns.map((p) => {
      const info = PATTERNS.find((x) => x.pattern === p);
      return el('span', { class: 'chip pattern', title: p }, info ? info.zh : p);
    });
    const units = org.units.length
      ? el('ul', { class: 'plain' }, org.units.map((u) => el('li', {}, u.name, ' ', el('small', {}, UNIT_KINDS[u.kind] || u.kind))))
      : el('span', { class: 'none' }, '—');

    const members = el('ol', { class: 'members', id: 'panel-members' });
    const moreButton = el('button', { type: 'button', id: 'panel-more', class: 'small' }, '更多 more');
    const memberInfo = el('p', { class: 'count', id: 'panel-member-info' });
    let page = org.members;
    const shown = () => members.children.length;
    const addPage = (p) => {
      for (const edge of p.edges) {
        const m = edge.node;
        members.append(el('li', { dataset: { id: m.id } }, m.name, ' ', el('small', {}, STATUS[m.status] || m.status)));
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
        el('div', {}, el('span', { class: 'chip sev' }, SEVERITY[i.severity] || i.severity), ' ', el('code', {}, i.rule)),
        el('div', { lang: 'zh-Hant' }, i.messageZh),
        el('div', { class: 'en' }, i.message),
        el('div', { class: 'suggestion' }, '建議 ', i.suggestion),
        el('div', { class: 'article' }, i.article))))
      : el('p', { class: 'none' }, '無 none');

    this.container.replaceChildren(
      el('header', { class: 'panel-head' },
        el('h2', { id: 'panel-name' }, org.name),
        el('div', {},
          el('span', { class: 'chip kind', style: { background: kind.color } }, `${kind.zh} ${kind.en}`),
          ' ', el('code', { class: 'id' }, org.id))),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'small', onclick: () => this.handlers.onToggle(org.id) }, '展開/收起 open/close'),
        el('button', { type: 'button', class: 'small', onclick: () => this.handlers.onReroot(org.id) }, '以此為根 chart from here')),
      el('dl', { class: 'facts' },
        row('上級 parent', org.parent ? this.link(org.parent) : el('span', { class: 'none' }, '—')),
        row('黨員 members', el('span', { id: 'panel-member-count' }, String(org.memberCount)),
          ' / 正式 full ', el('span', { id: 'panel-full-count' }, String(org.fullMemberCount))),
        row('書記 secretary', org.secretary ? org.secretary.name : el('span', { class: 'none' }, '—')),
        row('第一書記 first secretary', this.firstSecretaries(org.firstSecretaries)),
        row('發展黨員 pipeline', this.pipeline(org.pipeline)),
        row('流動黨員 mobile', this.mobile(org)),
        row('委員會 committee', org.hasCommittee ? '有 yes' : '無 no'),
        org.trade ? row('行業 trade', org.trade) : null,
        row('共同管理 co-managers', this.list(org.coManagers)),
        row('共管 co-manages', this.list(org.coManages)),
        row('設立於 units', units),
        row('模式 patterns', patterns.length ? patterns : el('span', { class: 'none' }, '—'))),
      el('section', { id: 'panel-issues' }, el('h3', {}, `違規 rule breaks (${issues.length})`), issueList),
      el('section', {}, el('h3', {}, '黨員 members ', memberInfo), members, moreButton),
    );
  }
}
