/**
 * Hostile inputs, made on demand (never committed: some inflate to gigabytes).
 *
 *   node test/hostile/generate.mjs DIR     writes every case into DIR
 *
 * The tests import the makers below and write into a temp dir. Everything is built by hand (zip
 * records, raw deflate, PDF objects) so that a case is exactly what it claims to be.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';

// ── zip ──────────────────────────────────────────────────────────────────────────────────────

/**
 * A zip archive from entries { name, data } (deflated here) or { name, raw, crc, size } (raw
 * deflate data made by the caller, with the CRC-32 and size of what it inflates to).
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.raw ?? deflateRawSync(entry.data, { level: 9 });
    const crc = entry.crc ?? crc32(entry.data);
    const size = entry.size ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(raw.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, raw);
    centrals.push(central, name);
    offset += local.length + name.length + raw.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const DOC_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
export const DOC_TAIL = '</w:body></w:document>';

export const paragraphXml = (text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A .docx whose word/document.xml is `documentXml`. */
export function docx(documentXml) {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(PACKAGE_RELS) },
    { name: 'word/document.xml', data: Buffer.from(documentXml, 'utf8') },
  ]);
}

/**
 * A .docx of ~2 MB whose word/document.xml inflates to `mebibytes` MiB of paragraphs (2048 by
 * default: 2 GiB). The body is one 1 MiB chunk deflated with a full flush (independent, byte
 * aligned) and repeated, so making it costs one chunk's deflate and a CRC pass.
 */
export function docxBomb(mebibytes = 2048) {
  const para = paragraphXml('Nội dung kế hoạch lặp lại. ');
  const chunk = Buffer.from(para.repeat(Math.floor((1 << 20) / Buffer.byteLength(para))), 'utf8');
  const head = Buffer.from(DOC_HEAD);
  const tail = Buffer.from(DOC_TAIL);
  const flush = (data) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const deflatedChunk = flush(chunk);
  const parts = [flush(head)];
  let crc = crc32(head);
  for (let i = 0; i < mebibytes; i++) {
    parts.push(deflatedChunk);
    crc = crc32(chunk, crc);
  }
  parts.push(deflateRawSync(tail, { level: 9 })); // final block
  crc = crc32(tail, crc);
  const size = head.length + chunk.length * mebibytes + tail.length;
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(PACKAGE_RELS) },
    { name: 'word/document.xml', raw: Buffer.concat(parts), crc, size },
  ]);
}

/** A .docx of numbered paragraphs adding up to about `megabytes` MB of XML (48: ~150 KB zipped). */
export function docxManyParagraphs(megabytes = 48) {
  const paragraphs = [];
  let bytes = 0;
  for (let n = 1; bytes < megabytes * 1e6; n++) {
    const p = paragraphXml(`${n}. Các Sở, ngành, địa phương triển khai nhiệm vụ số ${n} của Kế hoạch.`);
    paragraphs.push(p);
    bytes += Buffer.byteLength(p);
  }
  return docx(DOC_HEAD + paragraphs.join('') + DOC_TAIL);
}

/** A .docx whose body nests `depth` tables inside one another (XML depth). */
export function docxDeepNesting(depth = 100_000) {
  const open = '<w:tbl><w:tr><w:tc>';
  const close = '</w:tc></w:tr></w:tbl>';
  return docx(DOC_HEAD + open.repeat(depth) + paragraphXml('Sâu') + close.repeat(depth) + DOC_TAIL);
}

// ── pdf ──────────────────────────────────────────────────────────────────────────────────────

/** A PDF (Helvetica, WinAnsi) with one content stream per page, deflated; xref offsets exact. */
export function pdf(pageStreams) {
  const objects = [];
  const add = (body) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(null);
  const pagesId = add(null);
  const font = add(
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  );
  const kids = [];
  for (const stream of pageStreams) {
    const data = deflateRawSync(Buffer.from(stream, 'latin1'), { level: 9 });
    // zlib wrapper: FlateDecode wants RFC 1950 (header, data, Adler-32).
    const zlibData = Buffer.concat([Buffer.from([0x78, 0xda]), data, adler32(Buffer.from(stream, 'latin1'))]);
    const content = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${zlibData.length} /Filter /FlateDecode >>\nstream\n`),
        zlibData,
        Buffer.from('\nendstream'),
      ]),
    );
    kids.push(
      add(
        Buffer.from(
          `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
        ),
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  objects[pagesId - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  );
  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(obj);
    offset += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  chunks.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

function adler32(data) {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(((b << 16) | a) >>> 0, 0);
  return out;
}

const pdfString = (text) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** One page whose content shows the same text `repeats` times at one position (< 1 KB deflated). */
export function pdfRepeatedOperator(repeats = 20_000) {
  const op = `1 0 0 1 72 720 Tm ${pdfString('Ke hoach so 12')} Tj\n`;
  return pdf([`BT /F1 12 Tf\n${op.repeat(repeats)}ET`]);
}

/** A plan-like PDF of `pages` pages, 40 lines each (ASCII: Helvetica's WinAnsi has no Vietnamese). */
export function pdfPages(pages = 100) {
  const streams = [];
  for (let p = 1; p <= pages; p++) {
    const lines = [];
    if (p === 1) {
      lines.push(
        'UY BAN NHAN DAN TINH BINH PHUOC',
        'So: 12/KH-UBND',
        'Binh Phuoc, ngay 10 thang 4 nam 2024',
        'KE HOACH',
        'Trien khai cong tac nam 2024',
      );
      lines.push('I. MUC DICH, YEU CAU');
    }
    for (let i = lines.length; i < 40; i++) {
      const n = (p - 1) * 40 + i + 1;
      lines.push(
        i % 10 === 0
          ? `${n}. Nhiem vu so ${n}`
          : `- So Noi vu chu tri thuc hien noi dung ${n} (theo Quyet dinh so ${n}/QD-UBND ngay 01/3/2024);`,
      );
    }
    const body = lines.map((line, i) => `1 0 0 1 72 ${800 - i * 18} Tm ${pdfString(line)} Tj`).join('\n');
    streams.push(`BT /F1 11 Tf\n${body}\n1 0 0 1 290 30 Tm (${p}) Tj\nET`);
  }
  return pdf(streams);
}

// ── text ─────────────────────────────────────────────────────────────────────────────────────

export const PLAN_HEAD = `ỦY BAN NHÂN DÂN
TỈNH BÌNH PHƯỚC

Số: 12/KH-UBND

Bình Phước, ngày 10 tháng 4 năm 2024

KẾ HOẠCH
Triển khai thực hiện công tác Bình đẳng giới năm 2024

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Đẩy mạnh triển khai thực hiện Chương trình hành động về bình đẳng giới (giai đoạn 2021 - 2025).

Trên đây là Kế hoạch triển khai thực hiện công tác bình đẳng giới năm 2024.

`;

export const PLAN_TAIL = `
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn A
`;

/** A plan whose Nơi nhận block has lines until the file holds about `bytes` bytes. */
export function textLongRecipients(bytes = 400_000) {
  const lines = ['Nơi nhận:'];
  let size = Buffer.byteLength(PLAN_HEAD + PLAN_TAIL);
  for (let n = 1; size < bytes; n++) {
    const line = `- UBND xã số ${n} (để thực hiện);`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  lines.push('- Lưu: VT.');
  return Buffer.from(PLAN_HEAD + lines.join('\n') + '\n' + PLAN_TAIL, 'utf8');
}

/** A plan of numbered items and paragraphs until about `bytes` bytes (a long but ordinary text). */
export function textLongPlan(bytes = 1_600_000) {
  const parts = [PLAN_HEAD.replace(/Trên đây[\s\S]*$/, ''), 'II. NHIỆM VỤ\n'];
  let size = Buffer.byteLength(parts.join('\n'));
  for (let n = 1; size < bytes; n++) {
    const item = `${n}. Sở Nội vụ chủ trì, phối hợp với các Sở, ngành thực hiện nhiệm vụ số ${n} (theo Quyết định số ${n}/QĐ-UBND ngày 01/3/2024), hoàn thành trước ngày 30/6/2024.\n`;
    parts.push(item);
    size += Buffer.byteLength(item) + 1;
  }
  parts.push('Trên đây là Kế hoạch.\n', 'Nơi nhận:\n- Như trên;\n- Lưu: VT.\n', PLAN_TAIL);
  return Buffer.from(parts.join('\n'), 'utf8');
}

/** Every case, by file name (sizes as in issue 13). */
export const CASES = {
  'bomb-2gib.docx': () => docxBomb(2048),
  'paragraphs-48mb.docx': () => docxManyParagraphs(48),
  'deep-nesting.docx': () => docxDeepNesting(100_000),
  'not-a-body.docx': () => docx('<?xml version="1.0"?><root/>'),
  'unknown-entity.docx': () => docx(DOC_HEAD + paragraphXml('Kế hoạch &nbsp; năm 2024') + DOC_TAIL),
  'repeated-operator.pdf': () => pdfRepeatedOperator(20_000),
  'pages-100.pdf': () => pdfPages(100),
  'pages-200.pdf': () => pdfPages(200),
  'pages-400.pdf': () => pdfPages(400),
  'recipients-400kb.txt': () => textLongRecipients(400_000),
  'recipients-1600kb.txt': () => textLongRecipients(1_600_000),
  'plan-1600kb.txt': () => textLongPlan(1_600_000),
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node test/hostile/generate.mjs DIR\n');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(CASES)) {
    const data = make();
    writeFileSync(join(dir, name), data);
    process.stdout.write(`${name}\t${data.length}\n`);
  }
}
