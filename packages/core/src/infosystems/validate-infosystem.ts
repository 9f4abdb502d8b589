import type { FieldError } from '../errors.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { zodFieldErrors } from '../zod-errors.ts';
import { type InfosystemData, InfosystemInput } from './infosys-schemas.ts';

type Problem = Omit<FieldError, 'row'>;

/** The rules between fields: an approved level has its decision, a deployment its date, dates in order. */
function crossFieldProblems(d: InfosystemData): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, code: string, message: string, messageEn: string) =>
    out.push({ field, code, message, messageEn });
  if (d.approvedLevel && !d.decisionNumber)
    add(
      'decisionNumber',
      'MISSING_FIELD',
      'đã có cấp độ được phê duyệt thì phải ghi số quyết định phê duyệt',
      'an approved level needs the number of its decision',
    );
  if (d.approvedLevel && !d.decisionDate)
    add(
      'decisionDate',
      'MISSING_FIELD',
      'đã có cấp độ được phê duyệt thì phải ghi ngày quyết định',
      'an approved level needs the date of its decision',
    );
  if (!d.approvedLevel && (d.decisionNumber || d.decisionDate))
    add(
      'approvedLevel',
      'MISSING_FIELD',
      'có quyết định phê duyệt thì phải ghi cấp độ được phê duyệt',
      'a decision needs the level it approved',
    );
  if (d.protection === 'deployed' && !d.deployedOn)
    add(
      'deployedOn',
      'MISSING_FIELD',
      'đã triển khai bảo đảm an toàn theo cấp độ thì phải ghi ngày hoàn thành',
      'protection deployed needs the day it was completed',
    );
  if (d.protection !== 'deployed' && d.deployedOn)
    add(
      'deployedOn',
      'INCONSISTENT',
      'ngày hoàn thành triển khai chỉ ghi khi trạng thái là "đã triển khai"',
      'a deployment day goes with the status "deployed" only',
    );
  if (d.protection === 'deployed' && !d.approvedLevel)
    add(
      'protection',
      'INCONSISTENT',
      'chỉ triển khai theo cấp độ sau khi cấp độ được phê duyệt',
      'protection is deployed to a level once the level is approved',
    );
  if (d.inServiceFrom && d.retiredOn && d.retiredOn <= d.inServiceFrom)
    add(
      'retiredOn',
      'DATE_ORDER',
      'ngày dừng vận hành phải sau ngày đưa vào vận hành',
      'the retirement day must follow the day it entered service',
    );
  if (d.decisionDate && d.deployedOn && d.deployedOn < d.decisionDate)
    add(
      'deployedOn',
      'DATE_ORDER',
      'ngày hoàn thành triển khai không thể trước ngày phê duyệt cấp độ',
      'protection cannot be completed before the level was approved',
    );
  return out;
}

/**
 * One declared system checked: its shape, the rules between its fields, its owner (a unit of the
 * tree). Errors carry the row (a spreadsheet's own row number) and the field.
 */
export function validateInfosystem(
  input: unknown,
  row: number,
  graph: UnitGraph,
): { data: InfosystemData } | { errors: FieldError[] } {
  const r = InfosystemInput.safeParse(input);
  if (!r.success) return { errors: zodFieldErrors(r.error, row) };
  const d = { ...r.data, owner: r.data.owner.toUpperCase() };
  const problems = crossFieldProblems(d);
  const owner = graph.byCode.get(d.owner);
  if (!owner)
    problems.push({
      field: 'owner',
      code: 'UNKNOWN_UNIT',
      message: `không có đơn vị mã "${d.owner}"`,
      messageEn: `no org unit with code "${d.owner}"`,
    });
  else if (owner.kind === 'country')
    problems.push({
      field: 'owner',
      code: 'INVALID_OWNER',
      message: 'chủ quản phải là một bộ, cơ quan, tỉnh hoặc doanh nghiệp, không phải cả nước',
      messageEn: 'the owner is a ministry, agency, province or enterprise, not the whole country',
    });
  if (!problems.length) return { data: d };
  return {
    errors: problems.map((p) => ({
      ...p,
      row,
      message: `Dòng ${row}: ${p.message}`,
      messageEn: `Row ${row}: ${p.messageEn}`,
    })),
  };
}
