import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  BaocaoError,
  checkText,
  textOfFile,
  createRegistryItems,
  deleteRegistryItem,
  getReport,
  listRegistryItems,
  listReportTemplates,
  publishReport,
  RegistryKindSchema,
  renderReport,
  ReportFormat,
  saveReportTemplate,
  setReportDetails,
  setReportSection,
  updateRegistryItem,
  type ReportView,
} from '@baocao/core';
import { type Command, type Flags, need, output, print, withStore } from './io.ts';

const keyOf = (flags: Flags) => ({
  template: flags.template!,
  period: flags.period!,
  unit: flags.unit ?? 'VN',
});

/** Findings go to stderr so `--out -` or a pipe gets the document alone. */
function showChecks(view: ReportView) {
  for (const w of view.doc.warnings) console.error(`! ${w.message} [${w.code}]`);
  for (const d of view.differences)
    console.error(
      `≠ ${d.indicator} ${d.period}: công bố ${d.published ?? '–'}, hiện nay ${d.current ?? '–'} [DATA_CHANGED]`,
    );
}

function readJson(file: string | undefined, usage: string): unknown {
  if (!file) throw new BaocaoError('MISSING_FILE', `Thiếu tên tệp: ${usage}`, `Missing file: ${usage}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new BaocaoError(
      'INVALID_FILE',
      `Tệp ${file} không phải JSON hợp lệ: ${String(e)}`,
      `${file} is not valid JSON`,
    );
  }
}

const id = (s: string | undefined) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1)
    throw new BaocaoError(
      'INVALID_ID',
      `Số hiệu mục "${s ?? ''}" không hợp lệ`,
      `Invalid item id "${s ?? ''}"`,
    );
  return n;
};

export const REPORT_COMMANDS: Record<string, Command> = {
  check: async ({ flags, args }) => {
    const file = args[0];
    if (!file)
      throw new BaocaoError(
        'MISSING_FILE',
        'Thiếu tên tệp: baocao check FILE',
        'Missing file: baocao check FILE',
      );
    const text = await textOfFile(readFileSync(file), basename(file));
    // Figures are also checked against the store, which is opened (and created) as for any command.
    await withStore(flags, async ({ ctx }) => {
      const r = await checkText(ctx, text);
      if (flags.json) return print(r);
      const unchecked = r.read.filter((x) => !x.checked);
      // A comparison can be checked while the year it names is not judged (its period is not in its
      // sentence): the reader is told so, or silence would read as "the year is right".
      const yearOpen = r.read.filter((x) => x.yearChecked === false);
      console.log(
        `${r.statements} câu có số liệu / statements; ${r.findings.length} phát hiện / findings; ` +
          `${unchecked.length} so sánh chưa kiểm tra / comparisons not checked; ` +
          `${yearOpen.length} năm so sánh chưa đối chiếu / comparison years not judged`,
      );
      for (const f of r.findings)
        console.log(`[${f.severity}] ${f.start}-${f.end} «${f.quote}»: ${f.message} [${f.code}]`);
      for (const x of unchecked) console.log(`[chưa kiểm tra / not checked] «${x.quote}»: ${x.reason}`);
      for (const x of yearOpen)
        console.log(
          `[năm chưa đối chiếu / year not judged] «${x.quote}»: ${x.yearReason} / ${x.yearReasonEn}`,
        );
    });
  },

  report: ({ flags }) => {
    need(flags, 'template', 'period');
    return withStore(flags, async ({ ctx }) => {
      const format = ReportFormat.parse(flags.format ?? (flags.out ? flags.out.split('.').pop() : 'md'));
      const view = await getReport(ctx, keyOf(flags));
      showChecks(view);
      const r = await renderReport(view.doc, format);
      output(flags, r.data, r.filename);
    });
  },

  'report-edit': ({ flags }) => {
    need(flags, 'template', 'period', 'section');
    return withStore(flags, async ({ ctx }) => {
      const mode = flags.mode === 'append' ? 'append' : 'replace';
      const view = await setReportSection(ctx, {
        ...keyOf(flags),
        section: flags.section!,
        mode,
        text: flags.text ?? null,
        reason: flags.reason ?? null,
      });
      showChecks(view);
      print(view.report);
    });
  },

  'report-details': ({ flags }) => {
    need(flags, 'template', 'period');
    return withStore(flags, async ({ ctx }) =>
      print(
        await setReportDetails(ctx, {
          ...keyOf(flags),
          ...(flags.number ? { number: flags.number } : {}),
          ...(flags.date ? { issuedOn: flags.date } : {}),
        }),
      ),
    );
  },

  publish: ({ flags }) => {
    need(flags, 'template', 'period');
    return withStore(flags, async ({ ctx }) => {
      const view = await publishReport(ctx, {
        ...keyOf(flags),
        number: flags.number ?? null,
        issuedOn: flags.date ?? null,
        force: flags.force ?? false,
        reason: flags.reason ?? null,
      });
      showChecks(view);
      print(view.report);
    });
  },

  'report-templates': ({ flags }) =>
    withStore(flags, async ({ ctx }) => {
      const list = await listReportTemplates(ctx);
      if (flags.json) return print(list);
      for (const t of list)
        console.log(
          `${t.code.padEnd(22)} ${t.periodTypes.join(',').padEnd(6)} ${t.builtin ? 'có sẵn' : 'tự tạo'}  ${t.nameVi}`,
        );
    }),

  'report-template': ({ flags, args }) =>
    withStore(flags, async ({ ctx }) =>
      print((await saveReportTemplate(ctx, readJson(args[0], 'baocao report-template FILE.json'))).code),
    ),

  registry: ({ flags, args }) =>
    withStore(flags, async ({ ctx }) => {
      const [action, arg] = args;
      switch (action) {
        case 'list': {
          const kind = flags.kind ? RegistryKindSchema.parse(flags.kind) : undefined;
          const items = await listRegistryItems(ctx, {
            ...(kind ? { kind } : {}),
            ...(flags.period ? { periods: [flags.period] } : {}),
          });
          if (flags.json) return print(items);
          for (const i of items)
            console.log(
              `${String(i.id).padStart(5)} ${i.kind.padEnd(15)} ${i.period.padEnd(8)} ${'title' in i && i.title ? i.title : 'summary' in i ? i.summary.slice(0, 90) : ''}`,
            );
          return;
        }
        case 'add': {
          const data = readJson(arg, 'baocao registry add FILE.json');
          const r = await createRegistryItems(ctx, Array.isArray(data) ? data : [data]);
          for (const w of r.warnings) console.error(`! ${w.message} [${w.code}]`);
          return print({ created: r.items.map((i) => i.id) });
        }
        case 'edit':
          return print(
            await updateRegistryItem(ctx, {
              id: id(arg),
              item: readJson(args[2], 'baocao registry edit ID FILE.json'),
              reason: flags.reason ?? null,
            }),
          );
        case 'delete':
          await deleteRegistryItem(ctx, { id: id(arg), reason: flags.reason ?? null });
          return print({ deleted: id(arg) });
        default:
          throw new BaocaoError(
            'UNKNOWN_ACTION',
            'Dùng: baocao registry list|add FILE|edit ID FILE|delete ID',
            'Usage: baocao registry list|add FILE|edit ID FILE|delete ID',
          );
      }
    }),
};
