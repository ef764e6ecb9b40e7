// The search box: orgs whose name contains the text, via orgs(filter: {nameContains}), which folds
// it: traditional or simplified characters, pinyin (xiazhai) or initials (xzc) all find 下寨村.

import { el } from './dom.js';
import { t } from './i18n.js';
import { gql } from './graphql.js';
import { SEARCH_ORGS } from './queries.js';
import { kindInfo, ORG_KINDS } from './style.js';

const SHOWN = 20;

export class SearchBox {
  constructor(input, results, { onPick, onError }) {
    this.input = input;
    this.results = results;
    this.onPick = onPick;
    this.onError = onError;
    this.request = 0;
    this.timer = null;
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(), 250);
    });
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        clearTimeout(this.timer);
        const first = this.results.querySelector('li[data-id]');
        if (first) {
          this.pick(first.dataset.id);
        }
        else {
          this.search();
        }
      }
      else if (ev.key === 'Escape') {
        this.close();
      }
    });
    document.addEventListener('click', (ev) => {
      if (!this.results.contains(ev.target) && ev.target !== input) {
        this.close();
      }
    });
  }

  close() {
    this.results.hidden = true;
  }

  async search() {
    const text = this.input.value.trim();
    const request = ++this.request;
    if (!text) {
      this.close();
      return;
    }
    let data;
    try {
      data = await gql(SEARCH_ORGS, { text, first: SHOWN });
    }
    catch (ex) {
      this.onError(ex);
      return;
    }
    if (request !== this.request) {
      return;
    }
    const conn = data.orgs;
    // Higher kinds first (a village's general branch before its branches), then by name.
    const rank = (kind) => ORG_KINDS.findIndex((k) => k.kind === kind);
    const nodes = conn.edges.map((e) => e.node)
      .sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'zh-Hant'));
    const items = nodes.map((node) => {
      const kind = kindInfo(node.kind);
      return el('li', { dataset: { id: node.id }, tabindex: 0, onclick: () => this.pick(node.id),
        onkeydown: (ev) => ev.key === 'Enter' && this.pick(node.id) },
        el('span', { class: 'swatch', style: { background: kind.color } }),
        el('span', { class: 'name' }, node.name),
        el('small', {}, `${kind.name}${node.parent ? ` · ${node.parent.name}` : ''}`));
    });
    const summary = conn.totalCount > conn.edges.length
      ? el('li', { class: 'summary' }, t('chart.searchMore', conn.edges.length, conn.totalCount))
      : null;
    const none = conn.totalCount === 0 ? el('li', { class: 'summary' }, t('chart.searchNone', text)) : null;
    this.results.replaceChildren(...items, summary || none || []);
    this.results.hidden = false;
  }

  pick(id) {
    this.close();
    this.onPick(id);
  }
}
