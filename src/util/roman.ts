/** Roman numerals as plan labels use them (I … CCCXCIX): one reader and one writer for every module. */
const VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const VALID = /^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const DIGITS: [number, string][] = [
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** The value of a well-formed numeral ("IV" → 4), or null ("IIII", "VX", ""). */
export function romanToNumber(roman: string): number | null {
  if (!roman || !VALID.test(roman)) return null;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = VALUE[roman[i]!]!;
    const next = VALUE[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** 4 → "IV" (1 … 399). */
export function numberToRoman(n: number): string {
  let out = '';
  for (const [value, digits] of DIGITS) while (n >= value) ((out += digits), (n -= value));
  return out;
}
