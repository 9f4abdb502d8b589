/**
 * Report templates (data, so a new report type needs no code) and the documents built from them.
 * Node-free: the web app's report editor uses the same shapes.
 */
import { z } from 'zod';
import { ReportAbilities } from '../access/policy.ts';
import { LegalStage } from '../registries/registry-schemas.ts';
import { ComparisonBase, ValueCell } from '../schemas.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'Mã mục chỉ gồm chữ thường, số và gạch ngang');
const heading = z.string().trim().min(1).nullish();

/** One figure a section states, and how. */
export const FigureSpec = z.object({
  indicator: z.string().trim().min(1),
  unit: z.string().trim().min(1).default('VN'),
  /** The report's period, year to date, or the latest month inside the period that has data. */
  period: z.enum(['report', 'ytd', 'latest']).default('report'),
  compare: z.array(z.enum(['previous', 'lastYear', 'plan'])).default(['lastYear']),
  lastYearLabel: z.enum(['year', 'period']).default('year'),
  /** See SentenceStyle.pattern: {Name} {name} {verb} {value} {period} {comparisons}. */
  pattern: z.string().min(1).optional(),
});
export type FigureSpec = z.output<typeof FigureSpec>;

export const TemplateSection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), id, heading, text: z.string().min(1) }),
  z.object({
    kind: z.literal('figures'),
    id,
    heading,
    style: z.enum(['bullets', 'paragraph']).default('bullets'),
    items: z.array(FigureSpec).min(1),
    table: z.object({ caption: z.string().min(1) }).optional(),
    chart: z.object({ caption: z.string().min(1) }).optional(),
  }),
  z.object({
    kind: z.literal('legalDocuments'),
    id,
    heading,
    groups: z.array(z.object({ stage: LegalStage, heading: z.string().min(1) })).min(1),
  }),
  z.object({ kind: z.literal('activities'), id, heading }),
  z.object({ kind: z.literal('issues'), id, heading }),
  z.object({
    kind: z.literal('tasks'),
    id,
    heading,
    /** Which period's tasks: 1 = the next period (the usual "nhiệm vụ trọng tâm" of the coming month). */
    offset: z.number().int().min(0).max(12).default(1),
    style: z.enum(['bullets', 'paragraph']).default('bullets'),
    groups: z.array(z.object({ toGovernment: z.boolean(), heading: z.string().min(1) })).optional(),
  }),
  z.object({ kind: z.literal('petitions'), id, heading }),
  z.object({
    kind: z.literal('taskResults'),
    id,
    heading,
    /** Whose tasks: 1 = those planned for the previous period ("kết quả thực hiện nhiệm vụ"), with their status now. */
    offset: z.number().int().min(1).max(12).default(1),
  }),
]);
export type TemplateSection = z.output<typeof TemplateSection>;

const Issuer = z.object({
  parent: z.string().min(1).nullish(),
  name: z.string().min(1),
  /** How sentences name the issuer ("Bộ KH&CN"). */
  shortName: z.string().min(1).default('Bộ'),
  /** The abbreviation after "BC-" in the document number. */
  symbol: z.string().min(1),
});

const Signer = z.object({
  authority: z.string().nullish(),
  title: z.string().min(1),
  name: z.string().nullish(),
});

/**
 * A report type. Texts may use {period}, {ytd}, {next}, {previous}, {year}, {date}, {unit} and the
 * organisation's names of the document's date: {issuer}, {issuerShort}, {department},
 * {departmentShort}, {sector}, {sectorShort}.
 */
export const ReportTemplate = z.object({
  code: id,
  nameVi: z.string().min(1),
  nameEn: z.string().min(1),
  periodTypes: z.array(z.enum(['M', 'Q', 'S', 'Y', 'R'])).min(1),
  /** The issuing body; absent (the usual case), the organisation's names of the document's date. */
  issuer: Issuer.nullish(),
  place: z.string().min(1).default('Hà Nội'),
  subject: z.string().min(1),
  recipients: z.array(z.string().min(1)).default([]),
  /** Who signs; absent, the titles of the document's date from the organisation's names. */
  signer: Signer.nullish(),
  sections: z.array(TemplateSection).min(1),
});
export type ReportTemplate = z.output<typeof ReportTemplate>;
export type ReportTemplateInput = z.input<typeof ReportTemplate>;

const Item = z.object({
  text: z.string(),
  figures: z.array(z.string()).default([]),
  /** The registry task this item states (tasks and their results): how a task knows where it appeared. */
  task: z.number().int().optional(),
});

export const ReportBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string(), figures: z.array(z.string()).default([]) }),
  z.object({ type: z.literal('subheading'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(Item) }),
  z.object({
    type: z.literal('table'),
    caption: z.string(),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal('chart'), caption: z.string(), svg: z.string() }),
]);
export type ReportBlock = z.output<typeof ReportBlock>;

/** Where a printed number comes from: the stored values behind it and the comparisons computed. */
export const ReportFigure = ValueCell.extend({
  id: z.string(),
  previous: ComparisonBase.nullable(),
  lastYear: ComparisonBase,
  plan: z.object({ year: z.number(), value: z.number().nullable(), sharePct: z.number().nullable() }),
  text: z.string(),
});
export type ReportFigure = z.output<typeof ReportFigure>;

export const ReportWarning = z.object({
  code: z.string(),
  section: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export type ReportWarning = z.output<typeof ReportWarning>;

export const SectionOverride = z.object({
  mode: z.enum(['replace', 'append']),
  text: z.string().trim().min(1),
  by: z.string().optional(),
  at: z.string().optional(),
});
export type SectionOverride = z.output<typeof SectionOverride>;

export const ReportSection = z.object({
  id: z.string(),
  heading: z.string().nullable(),
  blocks: z.array(ReportBlock),
  /** Set when an editor replaced or added to the generated text. */
  edited: SectionOverride.nullable(),
});
export type ReportSection = z.output<typeof ReportSection>;

/** A whole report, ready to print as Markdown, HTML or Word, with the provenance of its numbers. */
export const ReportDoc = z.object({
  template: z.string(),
  templateName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  unit: z.string(),
  number: z.string().nullable(),
  /** The date of issue; null on a draft not yet dated (it prints "ngày … tháng … năm …", not today). */
  issuedOn: z.string().nullable(),
  issuer: Issuer,
  place: z.string(),
  subject: z.string(),
  recipients: z.array(z.string()),
  signer: Signer,
  sections: z.array(ReportSection),
  figures: z.array(ReportFigure),
  /**
   * The report's notes on its figures (a footnote in Word, a note under the text elsewhere): how an
   * imputed figure was completed. `figure` is the figure's id in `figures`.
   */
  notes: z.array(z.object({ figure: z.string(), text: z.string() })).default([]),
  warnings: z.array(ReportWarning),
});
export type ReportDoc = z.output<typeof ReportDoc>;

/** Which report: a template, a period and the unit it speaks for (the whole country by default). */
export const ReportKey = z.object({
  template: z.string().trim().min(1),
  period: z.string().trim().min(1),
  unit: z.string().trim().min(1).default('VN'),
});
export type ReportKey = z.input<typeof ReportKey>;

export const ReportFormat = z.enum(['md', 'html', 'docx', 'json']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** A figure that changed since the report was published. */
export const ReportDifference = z.object({
  figure: z.string(),
  indicator: z.string(),
  period: z.string(),
  published: z.number().nullable(),
  current: z.number().nullable(),
});

export const ReportRecord = z.object({
  /** What the signed-in person may do with this report (edit, publish, read), from its state. */
  abilities: ReportAbilities,
  id: z.number().int().nullable(),
  template: z.string(),
  /** The report's name as published ("Thông cáo họp báo thường kỳ hằng tháng"). */
  title: z.string(),
  period: z.string(),
  unit: z.string(),
  status: z.enum(['draft', 'published']),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
export type ReportRecord = z.output<typeof ReportRecord>;

export const ReportView = z.object({
  report: ReportRecord,
  doc: ReportDoc,
  differences: z.array(ReportDifference),
});
export type ReportView = z.output<typeof ReportView>;
