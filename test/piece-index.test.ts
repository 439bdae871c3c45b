import { describe, expect, it } from 'vitest';
import { PieceIndex } from '../src/util/piece-index.js';

// Both paths (a few pieces tested one by one, many filed under their rarest inner word) must name
// every piece that occurs in the text.
const present = ['Kế hoạch số 122/KH-UBND', 'Luật Bình đẳng giới', 'Quyết định số 2351/QĐ-TTg'];
const text = `Căn cứ ${present[1]}; thực hiện ${present[0]} và ${present[2]} của Thủ tướng.`;

describe('PieceIndex', () => {
  it('names every piece that occurs, with few pieces', () => {
    const index = new PieceIndex([...present, 'Nghị định số 1/2020/NĐ-CP']);
    expect(new Set(index.candidates(text))).toEqual(new Set(present));
  });

  it('names every piece that occurs, with many pieces (word index)', () => {
    const others = Array.from({ length: 100 }, (_, i) => `Công văn số ${i + 1000}/UBND-VX`);
    const found = new PieceIndex([...present, ...others]).candidates(text);
    for (const piece of present) expect(found).toContain(piece);
    expect(found.filter((piece) => text.includes(piece))).toHaveLength(present.length);
  });
});
