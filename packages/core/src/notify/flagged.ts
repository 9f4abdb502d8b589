/**
 * "Số liệu cần giải trình": a value of a unit's form that its reporters must explain, written by
 * someone else than them (an officer, a DHIS2 or SDMX import, a file imported by a colleague), or
 * marked for follow-up by an officer. The reporter who types a value sees its flag on the form
 * at once and is told nothing; the others would learn of it only at submit, so they are told, once
 * per form and value (the key has no event id: a second save of the same value plans nothing new).
 */
import type { Kysely } from 'kysely';
import type { Actor, Ctx } from '../context.ts';
import type { Schema } from '../db/schema.ts';
import { formatNumberEn, formatNumberVi } from '../format/number.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelEn, periodLabelVi } from '../periods/period-text.ts';
import { collectFlags } from '../quality/flags.ts';
import type { Indicator, Unit } from '../schemas.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { queueMessages, unitReporters } from './enqueue.ts';
import { formLink } from './messages.ts';
import type { NotifyLanguage } from './notify-schemas.ts';
import { type StoredMessage, selectRecipients } from './notify.queries.ts';

/** One value its unit's reporters must explain, and why (the check's words, or the officer's mark). */
export interface FlaggedValue {
  unit: Unit;
  period: string;
  indicator: Pick<Indicator, 'code' | 'nameVi' | 'nameEn' | 'unitVi' | 'unitEn' | 'valueDecimals'>;
  value: number;
  why: { vi: string; en: string };
}

/** Who wrote the value, in the reader's words: the person, and the channel when not the web form. */
function writer(by: string, source: string | null, vi: boolean): string {
  if (!source) return by;
  const file = source.startsWith('import:') ? source.slice('import:'.length) : null;
  if (file) return vi ? `${by}, nhập từ tệp ${file}` : `${by}, imported from ${file}`;
  return vi ? `${by}, qua ${source.toUpperCase()}` : `${by}, through ${source.toUpperCase()}`;
}

/** The message about one flagged value, in `lang`, linking to the unit's form of that period. */
export function flaggedMessage(
  f: FlaggedValue,
  by: { name: string; source: string | null },
  lang: NotifyLanguage,
): StoredMessage {
  const vi = lang === 'vi';
  const p = parsePeriod(f.period);
  const period = vi ? periodLabelVi(p) : periodLabelEn(p);
  const name = vi ? f.indicator.nameVi : (f.indicator.nameEn ?? f.indicator.nameVi);
  const measure = vi ? f.indicator.unitVi : (f.indicator.unitEn ?? f.indicator.unitVi);
  const value = (vi ? formatNumberVi : formatNumberEn)(f.value, f.indicator.valueDecimals, {
    trimZeros: true,
  });
  const unit = vi ? f.unit.nameVi : (f.unit.nameEn ?? f.unit.nameVi);
  const who = writer(by.name, by.source, vi);
  return {
    subject: vi ? `Số liệu cần giải trình: ${name}, ${period}` : `A value to explain: ${name}, ${period}`,
    body: vi
      ? `Biểu mẫu ${period} của ${unit}: chỉ tiêu "${name}" (${f.indicator.code}) = ${value} ${measure} cần được giải trình trước khi gửi.\nLý do: ${f.why.vi}\nGhi bởi: ${who}.`
      : `The ${period} form of ${unit}: "${name}" (${f.indicator.code}) = ${value} ${measure} needs your explanation before the form is sent.\nWhy: ${f.why.en}\nWritten by: ${who}.`,
    link: formLink(f.unit.code, f.period),
    linkLabel: vi ? 'Mở biểu mẫu' : 'Open the form',
    language: lang,
  };
}

/**
 * Queues the messages about flagged values to each unit's reporters (not to `actor`, who wrote the
 * values and saw their flags), in the caller's transaction. Once per form, value and person.
 */
export async function notifyFlaggedValues(
  db: Kysely<Schema>,
  actor: Actor,
  flagged: FlaggedValue[],
  source: string | null,
): Promise<{ email: number; app: number }> {
  if (!flagged.length) return { email: 0, app: 0 };
  const [people, [me]] = await Promise.all([
    unitReporters(db, [...new Set(flagged.map((f) => f.unit.id))]),
    selectRecipients(db, { usernames: [actor.username] }),
  ]);
  const by = { name: me?.display_name ?? actor.username, source };
  return queueMessages(
    db,
    flagged.flatMap((f) =>
      people
        .filter((to) => to.unit_id === f.unit.id && to.username !== actor.username)
        .map((to) => ({
          key: `flagged:${f.unit.code}/${f.period}:${f.indicator.code}:${to.username}`,
          to,
          kind: 'flagged' as const,
          render: (lang: NotifyLanguage) => flaggedMessage(f, by, lang),
          runAt: new Date(),
        })),
    ),
  );
}

/** A value written by a keyed batch (DHIS2, SDMX), with the follow-up mark it was sent with. */
export interface WrittenValue {
  indicatorId: number;
  unitId: number;
  period: string;
  value: number;
  followUp?: boolean | undefined;
}

const FOLLOW_UP = {
  vi: 'cán bộ tổng hợp đánh dấu giá trị này cần xem lại (follow-up)',
  en: 'an officer marked this value for follow-up',
};

/**
 * The values of a keyed batch (written by an officer or another system, never by the unit's
 * reporters, who hold no value.write) its units' reporters must explain: a warning of the quality
 * checks on a value written, or a follow-up mark set. Checked only for units with reporters.
 */
export async function flaggedInBatch(
  ctx: Ctx,
  w: { rows: WrittenValue[]; indicators: Iterable<Indicator>; graph: UnitGraph },
): Promise<FlaggedValue[]> {
  const indicator = new Map([...w.indicators].map((i) => [i.id, i]));
  const staffed = new Set(
    (await unitReporters(ctx.db.k, [...new Set(w.rows.map((r) => r.unitId))])).map((p) => p.unit_id),
  );
  const groups = new Map<string, WrittenValue[]>();
  for (const r of w.rows)
    if (staffed.has(r.unitId))
      groups.set(`${r.unitId}|${r.period}`, [...(groups.get(`${r.unitId}|${r.period}`) ?? []), r]);
  const out: FlaggedValue[] = [];
  for (const rows of groups.values()) {
    const unit = w.graph.byId.get(rows[0]!.unitId);
    if (!unit) continue;
    const period = rows[0]!.period;
    const values = new Map(
      rows.flatMap((r) => {
        const i = indicator.get(r.indicatorId);
        return i ? [[i.code, r.value] as const] : [];
      }),
    );
    const flags = await collectFlags(ctx, { unit, period: parsePeriod(period), values });
    for (const r of rows) {
      const i = indicator.get(r.indicatorId);
      if (!i) continue;
      const warning = flags.find((f) => f.indicator === i.code && f.severity === 'warning');
      const why = warning ? { vi: warning.vi, en: warning.en } : r.followUp ? FOLLOW_UP : null;
      if (why) out.push({ unit, period, indicator: i, value: r.value, why });
    }
  }
  return out;
}

/**
 * The values of a form's draft its reporters must explain: a warning on a value with no
 * explanation yet (one explained, or refused by an error, needs nothing from them).
 */
export function flaggedInDraft(
  form: { unit: Unit; period: string; indicators: Indicator[] },
  draft: { indicator: string; value: number; explanation?: string | null | undefined }[],
  flags: { indicator: string; severity: 'error' | 'warning'; vi: string; en: string }[],
): FlaggedValue[] {
  const byCode = new Map(form.indicators.map((i) => [i.code, i]));
  return draft.flatMap((d) => {
    const i = byCode.get(d.indicator);
    const warning = flags.find((f) => f.indicator === d.indicator && f.severity === 'warning');
    return i && warning && !d.explanation
      ? [{ unit: form.unit, period: form.period, indicator: i, value: d.value, why: warning }]
      : [];
  });
}
