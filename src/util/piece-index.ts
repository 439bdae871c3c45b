/**
 * Which of many fixed strings (a plan's citation texts) occur in a text, without testing every
 * string against every paragraph: that was quadratic in a long plan (10 000 paragraphs × 10 000
 * citations). Each piece is filed under its rarest inner word (a run of letters/digits with a
 * non-word character on both sides inside the piece, so that it is a whole word wherever the
 * piece occurs); a text only tests the pieces filed under its own words. Pieces without an inner
 * word are tested always.
 */
const WORD = /[\p{L}\p{N}]+/gu;
/** Up to this many pieces, testing each with the engine's substring search is cheaper than the
 *  word scan (most plans cite a few dozen documents), and still linear in the text. */
const FEW = 32;

export class PieceIndex {
  private readonly byWord = new Map<string, string[]>();
  private readonly always: string[] = [];
  private readonly few: string[] | null;

  constructor(pieces: Iterable<string>) {
    const distinct = [...new Set(pieces)].filter((piece) => piece !== '');
    this.few = distinct.length <= FEW ? distinct : null;
    const inner = distinct.map(innerWords);
    const frequency = new Map<string, number>();
    for (const words of inner) for (const w of new Set(words)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    distinct.forEach((piece, i) => {
      let key: string | undefined;
      for (const w of inner[i]!) {
        if (
          key === undefined ||
          frequency.get(w)! < frequency.get(key)! ||
          (frequency.get(w) === frequency.get(key) && w.length > key.length)
        )
          key = w;
      }
      if (key === undefined) this.always.push(piece);
      else {
        const list = this.byWord.get(key);
        if (list) list.push(piece);
        else this.byWord.set(key, [piece]);
      }
    });
  }

  /** The pieces that may occur in `text` (each occurs at most once in the answer). */
  candidates(text: string): string[] {
    if (this.few) return this.few.filter((piece) => text.includes(piece));
    const out = [...this.always];
    const seen = new Set<string>();
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(text)) !== null) {
      if (seen.has(m[0])) continue;
      seen.add(m[0]);
      const list = this.byWord.get(m[0]);
      if (list) out.push(...list);
    }
    return out;
  }
}

function innerWords(piece: string): string[] {
  const words: string[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(piece)) !== null) {
    if (m.index > 0 && m.index + m[0].length < piece.length) words.push(m[0]);
  }
  return words;
}
