/**
 * The Plan tree: one typed, unist-style tree per document, the same whichever format it came in.
 * The zod schemas are the single source of truth: TypeScript types are inferred from them and
 * `kh schema` prints the JSON Schema generated from them.
 *
 * Positions always point into the original file:
 *  - text/markdown: line/column/offset in the file;
 *  - .docx: `paragraph` = 1-based index of the Word paragraph (w:p, table cells included, in
 *    document order); line = that paragraph index, column = character in it;
 *  - .pdf: `page` = 1-based page; line/column in pdf-parse's extracted text.
 * A node whose text was rejoined from several source pieces (a paragraph split by a page break,
 * visual lines of a PDF) lists the pieces in `parts`, so a message can land on the right line.
 */
import { z } from 'zod';
import { SOURCE_FORMATS } from '../parse/formats.js';

export const PointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0).optional(),
});

export const PositionSchema = z.object({
  start: PointSchema,
  end: PointSchema,
  page: z.number().int().min(1).optional(),
  paragraph: z.number().int().min(1).optional(),
});

/** One source piece of a rejoined text: `at` is the index in the node's text where it starts. */
export const PartSchema = z.object({
  at: z.number().int().min(0),
  position: PositionSchema,
});

const located = {
  position: PositionSchema,
  parts: z.array(PartSchema).optional(),
};

/** A line of text as it stands in the document (header lines, recipients, signature lines). */
export const TextLineSchema = z.object({
  type: z.literal('line'),
  text: z.string(),
  ...located,
});

export const SectionKindSchema = z.enum([
  'purpose',
  'goals',
  'tasks',
  'budget',
  'organization',
  'reporting',
  'other',
]);

export const LabelKindSchema = z.enum([
  'roman', // I. II.
  'arabic', // 1. 2.
  'decimal', // 1.1. 2.3.1
  'letter', // a) b) đ)
  'dash', // - – •
  'plus', // +
  'none', // an unnumbered paragraph
]);

export type ItemNode = {
  type: 'item';
  label: string | null;
  labelKind: z.infer<typeof LabelKindSchema>;
  text: string;
  position: z.infer<typeof PositionSchema>;
  parts?: z.infer<typeof PartSchema>[] | undefined;
  children: ItemNode[];
};

export const ItemSchema: z.ZodType<ItemNode> = z.object({
  type: z.literal('item'),
  /** The label as written ("1.", "a)", "-", "+"); null for an unnumbered paragraph. */
  label: z.string().nullable(),
  labelKind: LabelKindSchema,
  /** The item's own text, label removed. */
  text: z.string(),
  ...located,
  get children() {
    return z.array(ItemSchema);
  },
});

export const SectionSchema = z.object({
  type: z.literal('section'),
  numeral: z.string(),
  heading: z.string(),
  kind: SectionKindSchema,
  ...located,
  items: z.array(ItemSchema),
});

export const TargetSchema = z.object({
  type: z.literal('target'),
  /** The target exactly as written: "26,05%", "31,8/100.000", "108 bé trai/100 bé gái". */
  raw: z.string(),
  kind: z.enum(['percent', 'rate', 'ratio', 'change', 'count']),
  /** The number (for change: the value aimed at, i.e. `to`). */
  value: z.number().nullable(),
  /** Denominator of a rate or ratio: 100.000, 1.000, 100 bé gái. */
  base: z.number().nullable(),
  /** Units around a ratio/rate/count ("bé trai/bé gái", "ca sinh/phụ nữ", "lần"). */
  unit: z.string().nullable(),
  /** "giảm từ 55 … xuống 56": from 55 to 56. */
  from: z.number().nullable(),
  to: z.number().nullable(),
  direction: z.enum(['increase', 'decrease', 'maintain']).nullable(),
  comparator: z.enum(['at-least', 'at-most', 'about', 'below', 'above', 'exact']).nullable(),
  ...located,
});

export const IndicatorSchema = z.object({
  type: z.literal('indicator'),
  index: z.number().int().min(1),
  /** The label as written ("Chỉ tiêu 2", or "Chỉ tiêu" when a goal has a single one). */
  label: z.string(),
  text: z.string(),
  targets: z.array(TargetSchema),
  ...located,
});

export const GoalSchema = z.object({
  type: z.literal('goal'),
  index: z.number().int().min(1),
  /** "Trong lĩnh vực chính trị". */
  field: z.string(),
  text: z.string(),
  indicators: z.array(IndicatorSchema),
  ...located,
});

export const PlanRefSchema = z.object({
  /** As written: "Kế hoạch số 122/KH-UBND ngày 13/4/2021". */
  raw: z.string(),
  docType: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  date: z.string().nullable(),
});

export const IndicatorRefSchema = z.object({
  type: z.literal('indicatorRef'),
  goal: z.number().int().min(1),
  /** null: the whole goal ("Mục tiêu 4", "chỉ tiêu của Mục tiêu 1"). */
  indicator: z.number().int().min(1).nullable(),
  /** The plan the sentence names ("tại Kế hoạch số 122/KH-UBND …"); null: this document. */
  plan: PlanRefSchema.nullable(),
  /** The reference as written: "chỉ tiêu 1, 2 của Mục tiêu 2". */
  raw: z.string(),
  ...located,
});

export const RoleSchema = z.enum(['chủ trì', 'phối hợp', 'chịu trách nhiệm', 'đề nghị', 'other']);

export const TaskSchema = z.object({
  type: z.literal('task'),
  text: z.string(),
  role: RoleSchema,
  indicatorRefs: z.array(IndicatorRefSchema),
  ...located,
});

export const AssignmentSchema = z.object({
  type: z.literal('assignment'),
  /** The agency as written: "Sở Lao động - Thương binh và Xã hội". */
  owner: z.string(),
  /** Normalized for matching: lower case, spacing, "và", known abbreviations expanded. */
  ownerKey: z.string(),
  /** The strongest role the agency is given in this assignment. */
  role: RoleSchema,
  /** Other agencies named as partners (table "Cơ quan phối hợp" column). */
  partners: z.array(z.string()),
  tasks: z.array(TaskSchema),
  indicatorRefs: z.array(IndicatorRefSchema),
  /** Where it was read: an item of "Tổ chức thực hiện", or a row of an assignment table. */
  source: z.enum(['organization', 'table']),
  label: z.string().nullable(),
  ...located,
});

export const CitationSchema = z.object({
  type: z.literal('citation'),
  /** Nghị quyết, Nghị định, Quyết định, Thông tư, Chỉ thị, Kết luận, Kế hoạch, Công văn, Luật … */
  docType: z.string(),
  /** "125", "21"; null for a law cited by name ("Luật Bình đẳng giới"). */
  number: z.string().nullable(),
  /** The year inside the number ("125/2021/NĐ-CP" → 2021); null when the number has none. */
  year: z.number().int().nullable(),
  /** "NĐ-CP", "KH-UBND", "CT/TW", "BLĐTBXH-VBĐG" (party format keeps its "-CT/TW" form as "CT/TW"). */
  symbol: z.string().nullable(),
  /** state: 125/2021/NĐ-CP; party: 21-CT/TW; name: a law cited by its name. */
  format: z.enum(['state', 'party', 'name']),
  /**
   * The number/symbol exactly as written, spaces and all: "1303/BLĐT BXH-VBĐG"; "25/2018/QH14" of
   * "Luật Tố cáo số 25/2018/QH14". A law cited by name alone: the name ("Luật Bình đẳng giới").
   */
  raw: z.string(),
  /** The whole reference as written, from the type word to the end of the date. */
  text: z.string(),
  /** ISO date of the cited document, null when not given. */
  date: z.string().nullable(),
  dateRaw: z.string().nullable(),
  /** "của Chính phủ", as written without "của". */
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  ...located,
});

export const DateMentionSchema = z.object({
  type: z.literal('date'),
  kind: z.enum(['issue', 'deadline', 'event', 'period', 'year']),
  raw: z.string(),
  /** ISO value: "2024-12-15"; "2024" for a year; "--11-15" when the year is not written. */
  value: z.string().nullable(),
  /** End of a period ("từ 15/11 đến 15/12/2024", "giai đoạn 2021-2030"). */
  end: z.string().nullable(),
  /** Written inside a citation ("… ngày 13/4/2021 của …"): history, not a plan date. */
  inCitation: z.boolean(),
  /** The calendar is wrong (31/02): kept as written, value null. */
  invalid: z.boolean(),
  ...located,
});

export const AppendixRefSchema = z.object({
  type: z.literal('appendixRef'),
  raw: z.string(),
  /** "I", "1", or null for "phụ lục kèm theo". */
  label: z.string().nullable(),
  ...located,
});

export const TableCellSchema = z.object({
  type: z.literal('cell'),
  text: z.string(),
  ...located,
});

export const TableRowSchema = z.object({
  type: z.literal('row'),
  header: z.boolean(),
  /** A heading row inside the table ("I" | "NHIỆM VỤ CHUNG" across the row): not an entry. */
  group: z.boolean().optional(),
  /**
   * Fewer cells than the header: a table flattened by a website lost a cell merged down from the
   * row above, so its columns may be shifted. Not read as an assignment.
   */
  incomplete: z.boolean().optional(),
  cells: z.array(TableCellSchema),
  ...located,
});

export const TableSchema = z.object({
  type: z.literal('table'),
  /** What the table is: the document header, the Nơi nhận/signature block, an assignment table … */
  role: z.enum(['header', 'footer', 'assignment', 'data']),
  rows: z.array(TableRowSchema),
  ...located,
});

export const AppendixSchema = z.object({
  type: z.literal('appendix'),
  /**
   * appendix: "PHỤ LỤC I"; form: "Mẫu số 01", "BIỂU MẪU"; attachment: another titled document after
   * the signature ("DANH MỤC …" with its "(Kèm theo …)" line).
   */
  kind: z.enum(['appendix', 'form', 'attachment']),
  label: z.string().nullable(),
  title: z.string(),
  /** Its "(Kèm theo Kế hoạch số …)" line as written, or null. */
  basis: z.string().nullable(),
  /** Indices into `tables` of the tables inside this appendix. */
  tables: z.array(z.number().int().min(0)),
  ...located,
});

export const RecipientsSchema = z.object({
  type: z.literal('recipients'),
  items: z.array(TextLineSchema),
  ...located,
});

export const SignatureSchema = z.object({
  type: z.literal('signature'),
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH". */
  authority: z.array(z.string()),
  /** The signer's title, as the issue names it: "PHÓ CHỦ TỊCH". */
  position: z.string().nullable(),
  signer: z.string().nullable(),
  lines: z.array(TextLineSchema),
  /** Source position of the block (`position` is the signer's title, per the tree's contract). */
  sourcePosition: PositionSchema,
});

export const ParagraphSchema = z.object({
  type: z.literal('paragraph'),
  text: z.string(),
  ...located,
});

export const ArticleSchema = z.object({
  type: z.literal('article'),
  /** 1 for "Điều 1." */
  number: z.number().int().min(1),
  /** The label as written: "Điều 1.", "Điều 2:". */
  label: z.string(),
  /** The text on the article's own line, label removed ("Ban hành kèm theo Quyết định này …"). */
  heading: z.string(),
  /** The chapter it sits in ("Chương I QUY ĐỊNH CHUNG"), or null. */
  chapter: z.string().nullable(),
  ...located,
  /** Its khoản and điểm (1., a) …), nested like a section's items. */
  items: z.array(ItemSchema),
});

export const AttachmentSchema = z.object({
  type: z.literal('attachment'),
  /** The attached document's type as its title line names it: "Kế hoạch". */
  docType: z.string(),
  /** Its trích yếu, wraps joined ("Triển khai Quyết định số 06/QĐ-TTg …"). */
  title: z.string(),
  /** The year its title names ("năm 2025", "giai đoạn 2026 - 2030" → 2026), or null. */
  planYear: z.number().int().nullable(),
  /** "(Kèm theo Quyết định số 2820/QĐ-UBND ngày 19 tháng 11 năm 2025 …)" as written, or null. */
  basis: z.string().nullable(),
  /** Paragraphs between its title and its first section. */
  preamble: z.array(ParagraphSchema),
  /** Its own signature block, when it has one (the document's is `plan.signature`). */
  signature: SignatureSchema.nullable(),
  ...located,
});

/** How sure the builder is of what it found (notes/STRUCTURE-CONFIDENCE.md). */
export const StructureSchema = z.object({
  type: z.literal('structure'),
  /**
   * Where sections, goals and assignments were read from: the document's own sections (plan), a
   * Kế hoạch attached to it (attached), only Điều 1, Điều 2 … (articles), nothing found (none).
   */
  body: z.enum(['plan', 'attached', 'articles', 'none']),
  /** consistent: two or more sections numbered I, II, III … without gap or repeat. */
  sections: z.enum(['consistent', 'irregular', 'none']),
  /** found: an authority line or a position, and a signer's name. */
  signature: z.enum(['found', 'partial', 'none']),
  /** found: a "Nơi nhận:" heading with at least one line under it. */
  recipients: z.enum(['found', 'none']),
  /** The parts rules must not rely on; empty when everything was found the way plans write it. */
  uncertain: z.array(z.enum(['sections', 'signature', 'recipients', 'body'])),
});

/** The level of the issuing body: central bodies (ministries, Chính phủ, Quốc hội, …/TW) are "trung ương". */
export const LevelSchema = z.enum(['trung ương', 'tỉnh', 'huyện', 'xã']);

export const MetaSchema = z.object({
  issuer: z.string().nullable(),
  issuerCode: z.string().nullable(),
  /** "01"; "" when the draft leaves it blank; null when there is no "Số:" line. */
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  place: z.string().nullable(),
  issueDate: z.string().nullable(),
  docType: z.string().nullable(),
  isPlan: z.boolean(),
  title: z.string().nullable(),
  planYear: z.number().int().nullable(),
  level: LevelSchema.nullable(),
  /** A draft: number or date left blank. */
  draft: z.boolean(),
  /** The header lines as written, for rules that check their form. */
  lines: z.object({
    issuer: TextLineSchema.nullable(),
    number: TextLineSchema.nullable(),
    date: TextLineSchema.nullable(),
    docType: TextLineSchema.nullable(),
    title: TextLineSchema.nullable(),
    motto: TextLineSchema.nullable(),
  }),
});

/** How a scanned PDF's text was read (src/parse/ocr.ts); absent when it was not OCR'd. */
export const OcrSourceSchema = z.object({
  engine: z.string(),
  language: z.literal('vie'),
  dpi: z.number().int(),
  words: z.number().int(),
  /** Mean word confidence, 0–100. */
  meanConfidence: z.number(),
  /** The word confidence from which a word counts as read right. */
  highConfidence: z.number(),
  /** Words read below it: extracted-text line, 1-based columns (end exclusive). */
  lowConfidence: z.array(
    z.object({ line: z.number().int(), column: z.number().int(), endColumn: z.number().int() }),
  ),
});

export const SourceSchema = z.object({
  path: z.string(),
  format: z.enum(SOURCE_FORMATS),
  pages: z.number().int().nullable(),
  /** Read from a legacy Vietnamese encoding (absent: the file was Unicode). */
  converted: z
    .object({
      from: z.enum(['tcvn3', 'vni', 'windows-1258']),
      /** docx: the runs in .VnTime/VNI fonts that were converted; null: the whole text file. */
      runs: z.number().int().nullable(),
    })
    .optional(),
  ocr: OcrSourceSchema.optional(),
});

export const PlanSchema = z.object({
  type: z.literal('plan'),
  source: SourceSchema,
  meta: MetaSchema,
  preamble: z.array(ParagraphSchema),
  sections: z.array(SectionSchema),
  /** Paragraphs after the last section and before Nơi nhận ("Trên đây là Kế hoạch …"). */
  closing: z.array(ParagraphSchema),
  goals: z.array(GoalSchema),
  assignments: z.array(AssignmentSchema),
  citations: z.array(CitationSchema),
  dates: z.array(DateMentionSchema),
  appendixRefs: z.array(AppendixRefSchema),
  appendices: z.array(AppendixSchema),
  tables: z.array(TableSchema),
  recipients: RecipientsSchema.nullable(),
  signature: SignatureSchema.nullable(),
  /** Điều 1, Điều 2 … of a Quyết định, Nghị quyết, Nghị định …; empty for a plan. */
  articles: z.array(ArticleSchema).default([]),
  /** The Kế hoạch a Quyết định attaches after its signature; `sections` etc. are its. */
  attachment: AttachmentSchema.nullable().default(null),
  /** A tree read from JSON written before this field: nothing is certain. */
  structure: StructureSchema.default({
    type: 'structure',
    body: 'none',
    sections: 'none',
    signature: 'none',
    recipients: 'none',
    uncertain: ['sections', 'signature', 'recipients', 'body'],
  }),
});

export type Point = z.infer<typeof PointSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type Part = z.infer<typeof PartSchema>;
export type TextLine = z.infer<typeof TextLineSchema>;
export type SectionKind = z.infer<typeof SectionKindSchema>;
export type LabelKind = z.infer<typeof LabelKindSchema>;
export type Item = ItemNode;
export type Section = z.infer<typeof SectionSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type PlanRef = z.infer<typeof PlanRefSchema>;
export type IndicatorRef = z.infer<typeof IndicatorRefSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type DateMention = z.infer<typeof DateMentionSchema>;
export type AppendixRef = z.infer<typeof AppendixRefSchema>;
export type TableCell = z.infer<typeof TableCellSchema>;
export type TableRow = z.infer<typeof TableRowSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Appendix = z.infer<typeof AppendixSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type Structure = z.infer<typeof StructureSchema>;
export type Recipients = z.infer<typeof RecipientsSchema>;
export type Signature = z.infer<typeof SignatureSchema>;
export type Level = z.infer<typeof LevelSchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type Plan = z.infer<typeof PlanSchema>;
