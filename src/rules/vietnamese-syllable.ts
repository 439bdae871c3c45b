/**
 * vietnamese-syllable: a word that cannot be a Vietnamese syllable because of its diacritics, and
 * characters that should not be inside words (src/data/vietnamese-syllable.json):
 *  - two tone marks on one word ("Hòì");
 *  - a combining mark left over after NFC: it could not compose with the letter before it
 *    (typed after a consonant, doubled, or from another font's decomposition);
 *  - zero-width and soft-hyphen characters inside or against a word;
 *  - a word with Vietnamese vowel diacritics whose letters do not make onset + rhyme, or a syllable
 *    closed by c, ch, p, t with a huyền, hỏi or ngã tone (only sắc and nặng go with a stop).
 * Words with no Vietnamese vowel diacritic (abbreviations such as BLĐTBXH, VSTBCPN, Latin names,
 * numbers, codes) are never judged by their shape.
 */
import { z } from 'zod';
import { textNodes } from './util.js';
import { defineRule, type LintMessage } from './types.js';
import type { DataStore } from '../domain/data-store.js';
import type { VietnameseSyllable } from '../domain/registries.js';
import { execAll } from '../util/regex.js';

const fromCodePoint = (cp: string) => String.fromCodePoint(parseInt(cp.slice(2), 16));

interface Shape {
  toneNames: Map<string, string>;
  vowelMarks: Set<string>;
  invisible: Map<string, string>;
  onsets: string[];
  open: Set<string>;
  closed: Set<string>;
  codas: string[];
  palatal: Set<string>;
  palatalNuclei: Set<string>;
  stops: Set<string>;
  stopTones: Set<string>;
  /** Any character of a word, invisible ones included. */
  word: RegExp;
  /** Verdicts per word seen. */
  verdicts: Map<string, Verdict | null>;
}

/** The syllable shape of a data store (context.data.derived: built once per store). */
function shapeOf(store: DataStore): Shape {
  const data: VietnameseSyllable = store.vietnameseSyllable;
  const invisible = new Map(
    data.invisibleCharacters.values.map((v) => [fromCodePoint(v.codePoint), `${v.codePoint} ${v.name}`]),
  );
  const invisibleClass = [...invisible.keys()]
    .map((c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)
    .join('');
  return {
    toneNames: new Map(data.toneMarks.marks.map((m) => [fromCodePoint(m.codePoint), m.name])),
    vowelMarks: new Set(data.vowelMarks.codePoints.map(fromCodePoint)),
    invisible,
    onsets: [...data.onsets.values, ...data.loanSpellings.onsets].sort((a, b) => b.length - a.length),
    open: new Set(data.openRhymes.values),
    closed: new Set(data.closedNuclei.values),
    codas: [...data.codas.values, ...data.loanSpellings.codas],
    palatal: new Set(data.palatalCodas.values),
    palatalNuclei: new Set(data.palatalCodas.nuclei),
    stops: new Set(data.stopCodas.values),
    stopTones: new Set(data.stopCodas.tones),
    word: new RegExp(`[\\p{L}\\p{M}${invisibleClass}]+`, 'gu'),
    verdicts: new Map(),
  };
}

/** The rhyme's coda if `rhyme` is a valid rhyme ('' for an open one), else null. */
function rhymeCoda(rhyme: string, shape: Shape): string | null {
  if (shape.open.has(rhyme)) return '';
  for (const coda of [...shape.palatal, ...shape.codas]) {
    if (!rhyme.endsWith(coda) || rhyme.length === coda.length) continue;
    const nucleus = rhyme.slice(0, -coda.length);
    if (shape.palatal.has(coda) ? shape.palatalNuclei.has(nucleus) : shape.closed.has(nucleus)) return coda;
  }
  return null;
}

/** The coda of a toneless lower-case word if it is onset + rhyme, else null. */
function syllableCoda(base: string, shape: Shape): string | null {
  for (const onset of [...shape.onsets, '']) {
    if (!base.startsWith(onset)) continue;
    const coda = rhymeCoda(base.slice(onset.length), shape);
    if (coda !== null) return coda;
  }
  return null;
}

const VOWELS = /[aăâeêioôơuưy]/u;
/** Letters before the first vowel or after the last one that no Vietnamese syllable has ("dl", "kr", "bh"; final "l", "r", "h", "k"). */
function foreignShape(base: string, shape: Shape): boolean {
  const first = base.search(VOWELS);
  if (first < 0) return false;
  const onset = base.slice(0, first);
  // "qu", "gi" take their vowel letter with them: "q", "g" before a vowel are Vietnamese.
  const onsetOk = onset === '' || onset === 'q' || onset === 'g' || shape.onsets.includes(onset);
  const last = base.length - [...base].reverse().join('').search(VOWELS);
  const final = base.slice(last);
  const finalOk = final === '' || shape.codas.includes(final) || shape.palatal.has(final);
  return !onsetOk || !finalOk;
}

type MessageId = 'twoTones' | 'strayMark' | 'invisible' | 'notSyllable' | 'toneCoda';
interface Verdict {
  messageId: MessageId;
  data: Record<string, string | number>;
  suggestion?: string;
  /** The word without invisible characters (for the allow list). */
  visible: string;
}

/** What is wrong with one word, or null (the same word always gets the same verdict: cached). */
function judge(
  raw: string,
  shape: Shape,
  isMark: (c: string) => boolean,
  markName: (c: string) => string,
): Verdict | null {
  if (/^[A-Za-z]+$/.test(raw)) return null;
  const chars = [...raw];
  const visible = chars.filter((c) => !shape.invisible.has(c)).join('');
  // Invisible characters in or against the word.
  const hidden = chars.find((c) => shape.invisible.has(c));
  if (hidden !== undefined) {
    return {
      messageId: 'invisible',
      data: { name: shape.invisible.get(hidden)!, word: visible },
      suggestion: visible,
      visible,
    };
  }
  // Marks NFC could not compose (the text is NFC already).
  const stray = chars.find(isMark);
  if (stray !== undefined)
    return { messageId: 'strayMark', data: { word: raw, mark: markName(stray) }, visible };
  if (/^[\x00-\x7F]*$/.test(raw)) return null;

  const decomposed = [...raw.toLowerCase().normalize('NFD')];
  const tones = decomposed.filter((c) => shape.toneNames.has(c));
  const capitals = raw === raw.toUpperCase();
  if (tones.length > 1) {
    return {
      messageId: 'twoTones',
      data: { word: raw, count: tones.length, tones: tones.map((t) => shape.toneNames.get(t)!).join(', ') },
      visible,
    };
  }
  // Only words with a Vietnamese vowel mark or a tone are judged by their shape.
  const hasVowelMark = decomposed.some((c) => shape.vowelMarks.has(c));
  if (!hasVowelMark && tones.length === 0) return null;
  // A syllable is written lower case, Capitalised or in capitals; other mixes are codes.
  const rest = raw.slice(1);
  if (rest !== rest.toLowerCase() && raw !== raw.toUpperCase()) return null;
  const base = decomposed
    .filter((c) => !shape.toneNames.has(c))
    .join('')
    .normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/u.test(base)) return null;
  // Two vowel groups or more ("Giơnevơ", "panô"): a foreign name or loan written in one
  // piece, not a slip inside one syllable.
  if ((base.match(/[aăâeêioôơuưy]+/gu) ?? []).length > 1) return null;
  const coda = syllableCoda(base, shape);
  if (coda === null) {
    // An abbreviation in capitals ("NSƯT", "MƯĐ"), or a name in another language written with
    // Vietnamese letters — an onset or a final Vietnamese does not have ("Prông", "Dliê",
    // "Krông", "Khươl", "Tẻh": Ê Đê, Jrai, Bahnar, Mông place names): not a misspelt syllable.
    if (capitals && [...raw].length > 1) return null;
    if (raw[0] !== raw[0]!.toLowerCase() && foreignShape(base, shape)) return null;
    return { messageId: 'notSyllable', data: { word: raw }, visible };
  }
  const tone = tones[0] ? shape.toneNames.get(tones[0])! : null;
  if (tone && shape.stops.has(coda) && !shape.stopTones.has(tone)) {
    return { messageId: 'toneCoda', data: { word: raw, coda, tone }, visible };
  }
  return null;
}

export const rule = defineRule({
  meta: {
    id: 'vietnamese-syllable',
    defaultSeverity: 'warning',
    description: {
      vi: 'Từ không thể là âm tiết tiếng Việt vì dấu (hai dấu thanh như "Hòì"), dấu rời không ghép được, ký tự vô hình trong từ',
      en: 'A word that cannot be a Vietnamese syllable because of its marks (two tones as in "Hòì"), stray combining marks, invisible characters in words',
    },
    docs: {
      vi:
        'Mỗi chữ tiếng Việt là một âm tiết: phụ âm đầu (có thể không có), vần và đúng một thanh (thanh ngang không dấu). ' +
        'Quy tắc báo: từ có hai dấu thanh ("Hòì" — gõ sai của "Hồi"); dấu thanh hoặc dấu mũ, trăng, móc còn rời sau khi chuẩn hóa NFC (không ghép được vào chữ trước nó); ' +
        'ký tự vô hình (U+200B–U+200D, U+2060, U+FEFF, U+00AD) trong hoặc sát một từ; từ có dấu nguyên âm tiếng Việt nhưng không ghép thành phụ âm đầu + vần; ' +
        'âm tiết tận cùng bằng c, ch, p, t mang thanh huyền, hỏi, ngã (chỉ thanh sắc, nặng đi với các âm cuối này). ' +
        'Chữ viết tắt (BLĐTBXH, VSTBCPN, cả khi có chữ Việt như NSƯT), tên riêng Latin, tên nước ngoài phiên âm viết liền (Giơnevơ), địa danh tiếng dân tộc thiểu số (Ê Đê, Jrai, Bahnar, Thái, Mông: Prông, Dliê, Krêl, Khươl — phụ âm đầu hoặc âm cuối tiếng Việt không có), số và mã hiệu không bị xét theo cấu trúc âm tiết. Nguồn: src/data/vietnamese-syllable.json.',
      en:
        'Each Vietnamese written word is one syllable: an optional onset, a rhyme and exactly one tone (the level tone unmarked). ' +
        'The rule reports a word with two tone marks ("Hòì", a slip for "Hồi"); a tone or vowel mark left on its own after NFC (it could not compose with the letter before it); ' +
        'invisible characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD) in or against a word; a word with Vietnamese vowel marks whose letters are not onset + rhyme; ' +
        'a syllable ending in c, ch, p, t with the huyền, hỏi or ngã tone (only sắc and nặng go with these endings). ' +
        'Abbreviations (BLĐTBXH, VSTBCPN, also with Vietnamese letters such as NSƯT), place names in ethnic-minority languages (Ê Đê, Jrai, Bahnar, Thái, Mông: Prông, Dliê, Krêl, Khươl — an onset or final Vietnamese has not), Latin names, foreign names transcribed in one piece (Giơnevơ), numbers and codes are not judged by syllable shape. Source: src/data/vietnamese-syllable.json.',
      wrong: [
        'Triển khai thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn huyện Ngọc Hòì năm 2023.',
        'Tổ chức tập\u200Bhuấn cho cán bộ cơ sở.',
        'Sở Lao động - Thương binh và Xã hộì chủ trì.',
      ],
      right: [
        'Triển khai thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn huyện Ngọc Hồi năm 2023.',
        'Bộ LĐTBXH, Ban VSTBCPN tỉnh, Công văn số 1303/BLĐTBXH-VBĐG; tỉnh Đắk Lắk; chương trình COVID-19, Facebook, Zalo; hội nghị tại Giơnevơ.',
      ],
    },
    options: z.object({
      /** Judge the onset + rhyme shape of words with Vietnamese vowel marks. */
      shape: z.boolean().default(true),
      /** Words never reported (compared after NFC, case-insensitively). */
      allow: z.array(z.string().min(1)).default([]),
    }),
    messages: {
      twoTones: {
        vi: 'Từ "{word}" có {count} dấu thanh ({tones}); một âm tiết tiếng Việt chỉ có một dấu thanh — gõ lại từ này',
        en: 'The word "{word}" has {count} tone marks ({tones}); a Vietnamese syllable has one — retype the word',
      },
      strayMark: {
        vi: 'Từ "{word}" có dấu {mark} đứng rời, không ghép được vào chữ trước nó; xóa dấu rời và gõ lại từ này',
        en: 'The word "{word}" has a stray {mark} mark that does not combine with the letter before it; delete it and retype the word',
      },
      invisible: {
        vi: 'Ký tự vô hình {name} trong "{word}"; xóa ký tự này',
        en: 'An invisible {name} in "{word}"; delete it',
      },
      notSyllable: {
        vi: 'Từ "{word}" có dấu tiếng Việt nhưng không ghép thành âm tiết (phụ âm đầu + vần); kiểm tra lỗi gõ',
        en: 'The word "{word}" has Vietnamese marks but is not a syllable (onset + rhyme); check for a typing slip',
      },
      toneCoda: {
        vi: 'Từ "{word}" tận cùng bằng "{coda}" nhưng mang thanh {tone}; âm tiết tận cùng bằng c, ch, p, t chỉ mang thanh sắc hoặc nặng',
        en: 'The word "{word}" ends in "{coda}" but carries the {tone} tone; a syllable ending in c, ch, p, t takes only the sắc or nặng tone',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const shape = context.data.derived('vietnamese-syllable/shape', shapeOf);
    const allowed = new Set(context.options.allow.map((w) => w.normalize('NFC').toLowerCase()));
    const isMark = (c: string) => shape.toneNames.has(c) || shape.vowelMarks.has(c);
    const markName = (c: string) =>
      shape.toneNames.get(c) ?? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

    for (const { node } of textNodes(plan)) {
      const text = node.text;
      // Cheap filter: only text with marks, invisible characters or non-ASCII letters needs a look.
      if (!/[^\x00-\x7F]/.test(text)) continue;
      for (const match of execAll(shape.word, text)) {
        const raw = match[0];
        let verdict = shape.verdicts.get(raw);
        if (verdict === undefined) {
          verdict = judge(raw, shape, isMark, markName);
          if (shape.verdicts.size > 50_000) shape.verdicts.clear();
          shape.verdicts.set(raw, verdict);
        }
        if (verdict === null) continue;
        if (
          !context.options.shape &&
          (verdict.messageId === 'notSyllable' || verdict.messageId === 'toneCoda')
        )
          continue;
        if (allowed.size && allowed.has(verdict.visible.toLowerCase())) continue;
        const range: [number, number] = [match.index, match.index + raw.length];
        yield verdict.suggestion === undefined
          ? context.report({ node, range, messageId: verdict.messageId, data: verdict.data })
          : context.report({
              node,
              range,
              messageId: verdict.messageId,
              data: verdict.data,
              suggestion: verdict.suggestion,
            });
      }
    }
  },
});

export default rule;
