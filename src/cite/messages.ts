/** The words of kh cite (its status texts and its table), from the catalogue (src/i18n/messages/cite.ts). */
import { msg, t, type Lang } from '../i18n/index.js';

function wordsOf(lang: Lang) {
  return {
    headers: [
      '#',
      ...(['document', 'date', 'issuer', 'subject', 'status', 'cited-at'] as const).map((h) =>
        t(lang, `cite.header.${h}`),
      ),
    ],
    inForce: t(lang, 'cite.in-force'),
    inForceFrom: (d: string) => t(lang, 'cite.in-force-from', { d }),
    replaced: (by: string, from: string) => t(lang, 'cite.replaced', { by, from }),
    ended: (from: string) => t(lang, 'cite.ended', { from }),
    period: (p: string) => t(lang, 'cite.period', { p }),
    guidance: t(lang, 'cite.guidance'),
    notAsWritten: (c: string) => t(lang, 'cite.not-as-written', { c }),
    unknown: t(lang, 'cite.unknown'),
    disagreement: t(lang, 'cite.disagreement'),
    dates: t(lang, 'cite.dates'),
    symbols: t(lang, 'cite.symbols'),
    unverified: t(lang, 'cite.unverified'),
    none: t(lang, 'cite.none'),
    summary: (n: number, d: number) =>
      t(lang, 'cite.summary', {
        count: n,
        disagreements: d ? msg('cite.summary-disagreements', { count: d }) : '',
      }),
  };
}

export const CITE_MESSAGES: Record<Lang, ReturnType<typeof wordsOf>> = {
  vi: wordsOf('vi'),
  en: wordsOf('en'),
};
