/** How kh names a registry document in messages and reports: "Nghị định số 125/2021/NĐ-CP". */
import type { LegalDocument } from './knowledge.js';

export function documentLabel(doc: LegalDocument): string {
  const name = doc.names[0] ?? doc.docType;
  if (!doc.number) return name;
  const party = doc.symbol?.includes('/TW') ?? false;
  const number = party
    ? `${doc.number}-${doc.symbol}`
    : doc.year !== null
      ? `${doc.number}/${doc.year}/${doc.symbol ?? ''}`
      : `${doc.number}/${doc.symbol ?? ''}`;
  return `${name} số ${number}`;
}
