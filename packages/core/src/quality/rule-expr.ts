/**
 * A rule's expression: parsed by the Peggy grammar (`rule-grammar.ts`), its tree read by zod (the
 * generated parser answers `any`), checked against the catalog, evaluated over a unit's values.
 */
import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import type { Indicator } from '../schemas.ts';
import { ruleParser } from './rule-grammar.ts';

export type Shift = 'current' | 'previous' | 'last_year';

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'ref'; code: string; shift: Shift; offset: number }
  | { type: 'negate'; expr: Expr }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { type: 'call'; name: 'abs' | 'min' | 'max'; args: Expr[] };

const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('number'), value: z.number() }),
    z.object({
      type: z.literal('ref'),
      code: z.string(),
      shift: z.enum(['current', 'previous', 'last_year']),
      offset: z.number(),
    }),
    z.object({ type: z.literal('negate'), expr: ExprSchema }),
    z.object({
      type: z.literal('binary'),
      op: z.enum(['+', '-', '*', '/']),
      left: ExprSchema,
      right: ExprSchema,
    }),
    z.object({ type: z.literal('call'), name: z.enum(['abs', 'min', 'max']), args: z.array(ExprSchema) }),
  ]),
);

/** Where in a rule an expression sits: errors name the field (`left`, `right`). */
export type Side = 'left' | 'right';

const SIDE_VI: Record<Side, string> = { left: 'Vế trái', right: 'Vế phải' };
const SIDE_EN: Record<Side, string> = { left: 'Left side', right: 'Right side' };

/** Parses one side of a rule; a syntax error is a field error naming the column and what was expected. */
export function parseExpression(text: string, side: Side): { expr: Expr } | { error: FieldError } {
  try {
    return { expr: ExprSchema.parse(ruleParser().parse(text)) };
  } catch (e) {
    const column = e instanceof Error && 'location' in e ? columnOf(e.location) : null;
    const found = e instanceof Error && 'found' in e && typeof e.found === 'string' ? `"${e.found}"` : null;
    const at = column === null ? '' : ` ở ký tự ${column}`;
    const atEn = column === null ? '' : ` at character ${column}`;
    return {
      error: {
        field: side,
        code: 'RULE_SYNTAX',
        message: `${SIDE_VI[side]}: biểu thức sai cú pháp${at}${found ? ` (gặp ${found})` : ''}; viết như #{NGANH.LOI_NHUAN} <= #{NGANH.DOANH_THU}`,
        messageEn: `${SIDE_EN[side]}: syntax error${atEn}${found ? ` (found ${found})` : ''}; write e.g. #{NGANH.LOI_NHUAN}`,
      },
    };
  }
}

const Location = z.object({ start: z.object({ column: z.number() }) });
const columnOf = (loc: unknown): number | null => {
  const r = Location.safeParse(loc);
  return r.success ? r.data.start.column : null;
};

/** Every indicator reference of an expression, in reading order. */
export function refsOf(e: Expr): Extract<Expr, { type: 'ref' }>[] {
  switch (e.type) {
    case 'number':
      return [];
    case 'ref':
      return [e];
    case 'negate':
      return refsOf(e.expr);
    case 'binary':
      return [...refsOf(e.left), ...refsOf(e.right)];
    case 'call':
      return e.args.flatMap(refsOf);
  }
}

/** The unit of measure of an expression: `null` for a pure number (which goes with any unit). */
type Dim = { unit: string | null } | { error: FieldError };

/**
 * Checks an expression against the catalog: every code must be an indicator, and sums, differences
 * and comparisons must join like units (tỷ đồng with tỷ đồng, never with thuê bao). A product or a
 * quotient with a pure number keeps the unit; a quotient of two like quantities is a pure number.
 */
export function typeCheck(e: Expr, side: Side, catalog: Map<string, Indicator>): Dim {
  const fail = (code: string, vi: string, en: string): Dim => ({
    error: { field: side, code, message: `${SIDE_VI[side]}: ${vi}`, messageEn: `${SIDE_EN[side]}: ${en}` },
  });
  const join = (dims: Dim[], op: string): Dim => {
    const bad = dims.find((d) => 'error' in d);
    if (bad) return bad;
    const units = [...new Set(dims.map((d) => ('unit' in d ? d.unit : null)).filter((u) => u !== null))];
    if (units.length > 1)
      return fail(
        'RULE_UNIT_MISMATCH',
        `không thể ${op} các đại lượng khác đơn vị tính (${units.join(', ')})`,
        `cannot ${op === 'so sánh' ? 'compare' : 'combine'} quantities of different units (${units.join(', ')})`,
      );
    return { unit: units[0] ?? null };
  };
  switch (e.type) {
    case 'number':
      return { unit: null };
    case 'ref': {
      const i = catalog.get(e.code);
      if (!i)
        return fail(
          'UNKNOWN_INDICATOR',
          `không có chỉ tiêu mã "${e.code}" trong danh mục (ký tự ${e.offset + 1})`,
          `no indicator "${e.code}" in the catalog (character ${e.offset + 1})`,
        );
      return { unit: i.unitVi };
    }
    case 'negate':
      return typeCheck(e.expr, side, catalog);
    case 'call':
      if (e.name === 'abs' && e.args.length !== 1)
        return fail('RULE_ARITY', 'abs(…) nhận đúng một biểu thức', 'abs(…) takes exactly one expression');
      return join(
        e.args.map((a) => typeCheck(a, side, catalog)),
        'so sánh',
      );
    case 'binary': {
      const l = typeCheck(e.left, side, catalog);
      const r = typeCheck(e.right, side, catalog);
      if (e.op === '+' || e.op === '-') return join([l, r], 'cộng, trừ');
      if ('error' in l) return l;
      if ('error' in r) return r;
      if (e.op === '*') {
        if (l.unit !== null && r.unit !== null)
          return fail(
            'RULE_UNIT_MISMATCH',
            'không nhân hai đại lượng có đơn vị',
            'cannot multiply two quantities',
          );
        return { unit: l.unit ?? r.unit };
      }
      if (r.unit === null) return l;
      if (l.unit === r.unit) return { unit: null };
      return fail(
        'RULE_UNIT_MISMATCH',
        `không chia ${l.unit ?? 'số'} cho ${r.unit}`,
        `cannot divide by ${r.unit}`,
      );
    }
  }
}

/** Checks that both sides of a comparison are in like units. */
export function sidesAgree(left: Dim, right: Dim): FieldError | null {
  if ('error' in left) return left.error;
  if ('error' in right) return right.error;
  if (left.unit !== null && right.unit !== null && left.unit !== right.unit)
    return {
      field: 'right',
      code: 'RULE_UNIT_MISMATCH',
      message: `Hai vế khác đơn vị tính (${left.unit} và ${right.unit}); không so sánh được`,
      messageEn: `The sides are in different units (${left.unit} and ${right.unit}); they cannot be compared`,
    };
  return null;
}

/** Reads a value of the rule's unit: `null` when it was not reported. */
export type Lookup = (code: string, shift: Shift) => number | null;

/** The value of an expression; `null` when a value it needs is missing, or on division by zero. */
export function evaluate(e: Expr, get: Lookup): number | null {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'ref':
      return get(e.code, e.shift);
    case 'negate': {
      const v = evaluate(e.expr, get);
      return v === null ? null : -v;
    }
    case 'call': {
      const args = e.args.map((a) => evaluate(a, get));
      if (args.some((a) => a === null)) return null;
      const xs = args.filter((a) => a !== null);
      return e.name === 'abs' ? Math.abs(xs[0]!) : e.name === 'min' ? Math.min(...xs) : Math.max(...xs);
    }
    case 'binary': {
      const l = evaluate(e.left, get);
      const r = evaluate(e.right, get);
      if (l === null || r === null) return null;
      if (e.op === '+') return l + r;
      if (e.op === '-') return l - r;
      if (e.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}
