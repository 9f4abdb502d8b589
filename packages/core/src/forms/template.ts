import ExcelJS from 'exceljs';
import { safeCell } from '../format/safe-cell.ts';
import { requireAccess } from '../access/access.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { TEMPLATE_HEADERS } from '../imports/columns.ts';
import { formIndicators } from './form-context.ts';
import { draftOf } from './form-schemas.ts';
import { selectStoredValuesOf, selectSubmissionDraft } from './forms.queries.ts';

/**
 * The XLSX form a unit fills for a period: one row per indicator it reports, prefilled with what
 * is already stored. The file imports back as it is.
 */
export async function buildTemplate(ctx: Ctx, input: { unit: string; period: string }): Promise<Buffer> {
  const graph = await loadUnitGraph(ctx.db.k);
  const unit = graph.byCode.get(input.unit.toUpperCase());
  if (!unit) throw unknownUnit(input.unit);
  requireAccess(ctx, 'value.read', { unitIds: [unit.id], ancestorsOf: graph.ancestorsOf });
  const p = parsePeriod(input.period);
  const indicators = formIndicators(await listIndicators(ctx), unit);
  const stored = await selectStoredValuesOf(ctx.db.k, unit.id, p.id);
  const byIndicator = new Map(stored.map((s) => [s.indicator_id, s]));
  // A form being filled: the template carries the draft, which is what the unit will resubmit.
  const sub = await selectSubmissionDraft(ctx.db.k, unit.id, p.id);
  const draft = sub ? new Map(draftOf(sub.draft).map((d) => [d.indicator, d])) : null;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bieu mau');
  ws.columns = TEMPLATE_HEADERS.map((h) => ({ header: h.vi, key: h.key, width: h.width }));
  ws.getRow(1).font = { bold: true };
  for (const i of indicators) {
    const d = draft?.get(i.code);
    const s = draft
      ? d
        ? { value: d.value, status: d.status, note: d.note }
        : undefined
      : byIndicator.get(i.id);
    ws.addRow({
      indicator: i.code,
      name: i.nameVi,
      measure: i.unitVi,
      unit: unit.code,
      period: p.id,
      value: s ? Number(s.value) : null,
      status: s?.status === 'official' ? 'chính thức' : 'ước',
      note: safeCell(s?.note ?? null),
    });
  }
  const info = wb.addWorksheet('Huong dan');
  info.addRow([`Biểu mẫu số liệu ${unit.nameVi}, ${periodLabelVi(p)}`]);
  info.addRow([
    'Điền cột "Giá trị" (số, dấu phẩy thập phân hoặc dấu chấm); "Trạng thái": ước hoặc chính thức.',
  ]);
  info.addRow(['Không sửa các cột mã. Tệp được nhập toàn bộ hoặc không dòng nào nếu có lỗi.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
