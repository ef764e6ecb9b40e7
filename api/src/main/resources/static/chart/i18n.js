// The chart's labels in the browser's language: texts.js is answered by the service (ChartTexts)
// from the message bundles (chart.* keys) for the request's Accept-Language: English, simplified
// Chinese (zh-CN, ...) or traditional (zh-TW, zh-HK, ...).

import { LANG, TEXTS } from './texts.js';

/** The text of a key with {0}, {1}, ... filled in; the key itself when the bundles lack it. */
export function t(key, ...args) {
  const pattern = Object.prototype.hasOwnProperty.call(TEXTS, key) ? TEXTS[key] : key;
  return pattern.replace(/\{(\d+)\}/g, (whole, n) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

/** The page's language tag: en, zh-Hans or zh-Hant. */
export const lang = LANG;

/**
 * Puts the texts into the page: an element's data-t is its text, data-t-title its title,
 * data-t-placeholder its placeholder, data-t-aria-label its aria-label; the title and <html lang>.
 */
export function applyTexts(root = document) {
  root.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  root.querySelectorAll('[data-t-title]').forEach((e) => { e.title = t(e.dataset.tTitle); });
  root.querySelectorAll('[data-t-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.tPlaceholder); });
  root.querySelectorAll('[data-t-aria-label]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.tAriaLabel)));
  document.documentElement.lang = LANG;
  document.title = t('chart.pageTitle');
}
