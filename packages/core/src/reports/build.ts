import type { Ctx } from '../context.ts';
import { ORG_NAME_KEYS, ORG_NAME_LABELS, type OrgNames } from '../org/org-name-schemas.ts';
import { formatDateVi } from '../format/date.ts';
import { listRegistryItems } from '../registries/registries.ts';
import type { ItemOf, RegistryItem } from '../registries/registry-schemas.ts';
import { nextPeriod, type Period, periodYear, shiftPeriod, yearToDate } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { growthChartSvg } from './charts.ts';
import {
  type ComputedFigure,
  computeFigures,
  figuresTable,
  growthSeries,
  templateFigureSpecs,
} from './figures.ts';
import { imputedNotes, imputedWarning, refusedWarning } from './imputed-notes.ts';
import { traceNumbers } from './provenance.ts';
import { sectionTaskPeriod, taskResultBlocks } from './task-results.ts';
import {
  activityText,
  issueText,
  legalDocumentText,
  petitionBlocks,
  taskText,
  uniqueItems,
} from './registry-blocks.ts';
import type {
  ReportBlock,
  ReportDoc,
  ReportSection,
  ReportTemplate,
  ReportWarning,
  SectionOverride,
  TemplateSection,
} from './report-schemas.ts';

export interface BuildInput {
  /** The org units, as the caller already loaded them to resolve the report's unit. */
  graph: UnitGraph;
  template: ReportTemplate;
  period: Period;
  unit: string;
  number: string | null;
  /** Null for a draft with no date of issue yet. */
  issuedOn: string | null;
  overrides: Record<string, SectionOverride>;
  /** The organisation's names of the document's date (the issuer, its departments, titles). */
  names: OrgNames;
}

/** The period placeholders of a template text; the others need the document's names and unit. */
export function periodPlaceholders(p: Period): Record<string, string> {
  return {
    period: periodLabelVi(p),
    ytd: periodLabelVi(yearToDate(p)),
    next: periodLabelVi(nextPeriod(p)),
    previous: periodLabelVi(shiftPeriod(p, -(p.last - p.first + 1))),
    year: String(periodYear(p)),
  };
}

/**
 * Fills a template text's placeholders: {period}, {ytd}, {next}, {previous}, {year}, {date}, {unit}, and the
 * organisation's names ({issuer}, {department}, {sector}…, see ORG_NAME_LABELS).
 */
function filler(input: BuildInput, unitName: string) {
  const p = input.period;
  const vars: Record<string, string> = {
    ...Object.fromEntries(
      ORG_NAME_KEYS.flatMap((k) => {
        const name = ORG_NAME_LABELS[k].placeholder;
        return name ? [[name, input.names[k]]] : [];
      }),
    ),
    ...periodPlaceholders(p),
    date: input.issuedOn ? formatDateVi(input.issuedOn) : '…/…/…',
    unit: unitName,
  };
  return (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

const paragraphs = (text: string): ReportBlock[] =>
  text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ type: 'paragraph', text: t, figures: [] }));

function figureBlocks(
  s: Extract<TemplateSection, { kind: 'figures' }>,
  figs: ComputedFigure[],
  fill: (s: string) => string,
): ReportBlock[] {
  const blocks: ReportBlock[] =
    s.style === 'bullets'
      ? [{ type: 'list', items: figs.map((f) => ({ text: f.figure.text, figures: [f.figure.id] })) }]
      : [
          {
            type: 'paragraph',
            text: figs.map((f) => f.figure.text).join(' '),
            figures: figs.map((f) => f.figure.id),
          },
        ];
  if (s.table) blocks.push(figuresTable(fill(s.table.caption), figs));
  const series = growthSeries(figs);
  if (s.chart && series.length)
    blocks.push({ type: 'chart', caption: fill(s.chart.caption), svg: growthChartSvg(series) });
  return blocks;
}

const ofKind = <K extends RegistryItem['kind']>(items: RegistryItem[], kind: K, period: string) =>
  items.filter((i): i is ItemOf<K> => i.kind === kind && i.period === period);

/**
 * Builds a report from its template: every figure through one batch of comparisons, the
 * registries' items of the period, the editors' overrides. Missing data is stated as missing;
 * duplicated list items are shown once and flagged; every printed figure keeps its provenance.
 */
export async function buildReportDoc(ctx: Ctx, input: BuildInput): Promise<ReportDoc> {
  const { template, period: p } = input;
  const { graph } = input;
  const unitName = (code: string) => graph.byCode.get(code.toUpperCase())?.nameVi ?? code;
  const fill = filler(input, unitName(input.unit));
  const specs = templateFigureSpecs(template.sections, input.unit);
  const taskPeriods = template.sections.flatMap((s) => sectionTaskPeriod(s, p) ?? []);
  const [computed, items] = await Promise.all([
    computeFigures(ctx, specs, p),
    listRegistryItems(ctx, { periods: [p.id, ...taskPeriods] }),
  ]);
  const names = input.names;
  const issuer = template.issuer ?? {
    parent: null,
    name: names['issuer.name'],
    shortName: names['issuer.short'],
    symbol: names['issuer.symbol'],
  };
  const results = await taskResultBlocks(ctx, template, p, items, unitName);
  const warnings: ReportWarning[] = [];
  if (!input.issuedOn)
    warnings.push({
      code: 'NO_ISSUE_DATE',
      section: null,
      message:
        'Bản nháp chưa có ngày ban hành: dòng địa danh, ngày tháng để trống; khi phát hành, báo cáo mang ngày phát hành',
      messageEn: 'The draft has no date of issue: its place-and-date line is left blank; publishing dates it',
    });
  let at = 0;
  const built = template.sections.map((s): ReportSection => {
    let blocks: ReportBlock[] = [];
    switch (s.kind) {
      case 'text':
        blocks = paragraphs(fill(s.text));
        break;
      case 'figures': {
        const figs = computed.slice(at, (at += s.items.length));
        for (const f of figs)
          if (f.result.value === null)
            warnings.push({
              code: 'MISSING_DATA',
              section: s.id,
              message: `Chưa có số liệu "${f.ind.nameVi}" ${f.result.periodLabel} của ${unitName(f.result.unit)}`,
              messageEn: `No data for "${f.ind.nameEn}" ${f.result.period} (${f.result.unit})`,
            });
          else if (f.result.status === 'partial')
            warnings.push({
              code: 'PARTIAL_FIGURE',
              section: s.id,
              message: `"${f.ind.nameVi}" ${f.result.periodLabel} của ${unitName(f.result.unit)} là số liệu chưa đầy đủ: mới có ${f.result.completeness.reported}/${f.result.completeness.expected} đơn vị báo cáo`,
              messageEn: `"${f.ind.nameEn}" ${f.result.period} (${f.result.unit}) is partial: ${f.result.completeness.reported} of ${f.result.completeness.expected} units reported`,
            });
          else if (f.result.status === 'imputed' && f.result.imputed)
            warnings.push(imputedWarning(s.id, f, unitName));
          else if (f.result.completeness.pct !== null && f.result.completeness.pct < 100)
            warnings.push({
              code: 'INCOMPLETE',
              section: s.id,
              message: `"${f.ind.nameVi}" ${f.result.periodLabel}: mới có ${f.result.completeness.reported}/${f.result.completeness.expected} đơn vị báo cáo`,
              messageEn: `"${f.ind.nameEn}" ${f.result.period}: ${f.result.completeness.reported} of ${f.result.completeness.expected} units reported`,
            });
        for (const f of figs) if (f.refused) warnings.push(refusedWarning(s.id, f, unitName));
        blocks = figureBlocks(s, figs, fill);
        break;
      }
      case 'legalDocuments': {
        const docs = uniqueItems(ofKind(items, 'legal_document', p.id), s.id, warnings);
        blocks = s.groups.flatMap((g): ReportBlock[] => {
          const mine = docs.filter((d) => d.stage === g.stage);
          return mine.length
            ? [
                { type: 'subheading', text: fill(g.heading) },
                { type: 'list', items: mine.map((d) => ({ text: legalDocumentText(d), figures: [] })) },
              ]
            : [];
        });
        break;
      }
      case 'activities': {
        const acts = uniqueItems(ofKind(items, 'activity', p.id), s.id, warnings);
        blocks = acts.length
          ? [{ type: 'list', items: acts.map((a) => ({ text: activityText(a), figures: [] })) }]
          : [];
        break;
      }
      case 'issues': {
        const list = uniqueItems(ofKind(items, 'notable_issue', p.id), s.id, warnings);
        blocks = list.length
          ? [{ type: 'list', items: list.map((i) => ({ text: issueText(i), figures: [] })) }]
          : [];
        break;
      }
      case 'tasks': {
        const tasks = uniqueItems(ofKind(items, 'task', sectionTaskPeriod(s, p)!), s.id, warnings);
        const list = (ts: typeof tasks): ReportBlock => ({
          type: 'list',
          items: ts.map((t) => ({ text: taskText(t, unitName), figures: [], task: t.id })),
        });
        blocks = s.groups
          ? s.groups.flatMap((g): ReportBlock[] => {
              const mine = tasks.filter((t) => t.toGovernment === g.toGovernment);
              return mine.length ? [{ type: 'subheading', text: fill(g.heading) }, list(mine)] : [];
            })
          : tasks.length
            ? [list(tasks)]
            : [];
        break;
      }
      case 'petitions':
        blocks = ofKind(items, 'petition', p.id).flatMap((x) => petitionBlocks(x, issuer.shortName));
        break;
      case 'taskResults':
        blocks = results.get(s.id) ?? [];
        break;
    }
    const edited = input.overrides[s.id] ?? null;
    if (edited)
      blocks = edited.mode === 'replace' ? paragraphs(edited.text) : [...blocks, ...paragraphs(edited.text)];
    if (!blocks.length && s.kind !== 'figures' && s.kind !== 'taskResults' && !edited)
      warnings.push({
        code: 'EMPTY_SECTION',
        section: s.id,
        message: `Mục "${s.heading ? fill(s.heading) : s.id}" chưa có nội dung ${periodLabelVi(p)}`,
        messageEn: `Section "${s.id}" has no content for ${p.id}`,
      });
    return { id: s.id, heading: s.heading ? fill(s.heading) : null, blocks, edited };
  });
  // A results section with no task planned for the period before is left out, not printed empty.
  const sections = built.filter(
    (sec, i) => template.sections[i]!.kind !== 'taskResults' || sec.blocks.length > 0,
  );
  warnings.push(...traceNumbers(sections, new Map(computed.map((c) => [c.figure.id, c]))));
  return {
    template: template.code,
    templateName: template.nameVi,
    period: p.id,
    periodLabel: periodLabelVi(p),
    unit: input.unit,
    number: input.number,
    issuedOn: input.issuedOn,
    issuer,
    place: template.place,
    subject: fill(template.subject),
    recipients: template.recipients.map(fill),
    signer: template.signer ?? {
      authority: names['signer.authority'],
      title: names['signer.title'],
      name: null,
    },
    sections,
    figures: computed.map((c) => c.figure),
    notes: imputedNotes(computed, unitName),
    warnings,
  };
}
