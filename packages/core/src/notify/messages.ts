/**
 * The words of every message, in Vietnamese and English. A message is rendered in its reader's
 * language when it is planned, and names the exact form (unit and period) with a link to it.
 */
import { formatDateVi } from '../format/date.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelEn, periodLabelVi } from '../periods/period-text.ts';
import type { NotifyKind, NotifyLanguage } from './notify-schemas.ts';
import type { StoredMessage } from './notify.queries.ts';

/** A unit's form: what every message but the digest is about. */
export interface FormSubject {
  unitCode: string;
  unitName: string;
  unitNameEn: string;
  period: string;
  /** The unit's deadline (ISO date). */
  dueOn: string;
  /** Days past the deadline (overdue), days left (due soon). */
  days?: number;
  /** The officer's comment (returned) or reason (unlocked). */
  comment?: string | null;
  /** Who acted (the officer's name). */
  by?: string | null;
}

/** The officers' daily digest: who is late, who submitted since yesterday. */
export interface DigestSubject {
  day: string;
  late: { unitName: string; unitNameEn: string; period: string; daysLate: number }[];
  submitted: { unitName: string; unitNameEn: string; period: string }[];
}

const dateEn = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const formLink = (unit: string, period: string) =>
  `/forms/${encodeURIComponent(unit)}/${encodeURIComponent(period)}`;

const daysEn = (n: number | undefined) => `${n ?? 0} day${n === 1 ? '' : 's'}`;

type Words = { subject: string; body: string };

function formWords(kind: NotifyKind, s: FormSubject, lang: NotifyLanguage): Words {
  const p = parsePeriod(s.period);
  const vi = lang === 'vi';
  const unit = vi ? s.unitName : s.unitNameEn;
  const period = vi ? periodLabelVi(p) : periodLabelEn(p);
  const due = vi ? formatDateVi(s.dueOn) : dateEn(s.dueOn);
  const form = vi ? `Biểu mẫu ${period} của ${unit}` : `The ${period} form of ${unit}`;
  const by = s.by ? (vi ? ` (${s.by})` : ` (${s.by})`) : '';
  switch (kind) {
    case 'period_open':
      return vi
        ? { subject: `Đã mở kỳ báo cáo ${period}`, body: `${form} đã mở để nhập. Hạn nộp: ${due}.` }
        : { subject: `Reporting for ${period} is open`, body: `${form} is open. Deadline: ${due}.` };
    case 'due_soon':
      return vi
        ? {
            subject: `Còn ${s.days} ngày đến hạn nộp báo cáo ${period}`,
            body: `${form} chưa được gửi. Hạn nộp: ${due} (còn ${s.days} ngày).`,
          }
        : {
            subject: `${daysEn(s.days)} left to report for ${period}`,
            body: `${form} has not been submitted. Deadline: ${due} (${daysEn(s.days)} left).`,
          };
    case 'due_today':
      return vi
        ? {
            subject: `Hôm nay là hạn nộp báo cáo ${period}`,
            body: `${form} chưa được gửi. Hạn nộp là hôm nay, ${due}.`,
          }
        : {
            subject: `Today is the deadline for ${period}`,
            body: `${form} has not been submitted. The deadline is today, ${due}.`,
          };
    case 'overdue':
      return vi
        ? {
            subject: `Quá hạn ${s.days} ngày: báo cáo ${period}`,
            body: `${form} đã quá hạn ${s.days} ngày (hạn ${due}) và chưa được gửi. Đề nghị gửi sớm.`,
          }
        : {
            subject: `${daysEn(s.days)} late: ${period} report`,
            body: `${form} is ${daysEn(s.days)} past its deadline (${due}) and has not been submitted. Please submit it soon.`,
          };
    case 'reminder':
      return vi
        ? {
            subject: `Nhắc nộp báo cáo ${period}`,
            body: `Cán bộ tổng hợp${by} nhắc: ${form.charAt(0).toLowerCase()}${form.slice(1)} chưa được gửi. Hạn nộp: ${due}.`,
          }
        : {
            subject: `Reminder: ${period} report`,
            body: `The synthesis officer${by} reminds you: ${form.charAt(0).toLowerCase()}${form.slice(1)} has not been submitted. Deadline: ${due}.`,
          };
    case 'returned':
      return vi
        ? {
            subject: `Biểu mẫu ${period} bị trả lại`,
            body: `${form} đã bị trả lại${by} để sửa.\nNhận xét: ${s.comment ?? ''}`,
          }
        : {
            subject: `${period} form returned`,
            body: `${form} was returned${by} for correction.\nComment: ${s.comment ?? ''}`,
          };
    case 'approved':
      return vi
        ? {
            subject: `Biểu mẫu ${period} đã được duyệt`,
            body: `${form} đã được duyệt${by}. Số liệu đã vào hệ thống.`,
          }
        : {
            subject: `${period} form approved`,
            body: `${form} was approved${by}. Its figures are now in the statistics.`,
          };
    case 'unlocked':
      return vi
        ? {
            subject: `Biểu mẫu ${period} được mở khóa để sửa`,
            body: `${form} đã được mở khóa${by} để sửa.\nLý do: ${s.comment ?? ''}`,
          }
        : {
            subject: `${period} form unlocked for correction`,
            body: `${form} was unlocked${by} for correction.\nReason: ${s.comment ?? ''}`,
          };
    case 'digest':
      throw new Error('a digest is not about one form');
    case 'flagged':
      throw new Error('a flagged value has its own message (flagged.ts)');
  }
}

/** A message about one unit's form, in `lang`, linking to that form. */
export function formMessage(kind: NotifyKind, s: FormSubject, lang: NotifyLanguage): StoredMessage {
  return {
    ...formWords(kind, s, lang),
    link: formLink(s.unitCode, s.period),
    linkLabel: lang === 'vi' ? 'Mở biểu mẫu' : 'Open the form',
    language: lang,
  };
}

/** The officers' digest, in `lang`, linking to the board of the first late period. */
export function digestMessage(d: DigestSubject, lang: NotifyLanguage): StoredMessage {
  const vi = lang === 'vi';
  const label = (period: string) => (vi ? periodLabelVi : periodLabelEn)(parsePeriod(period));
  const lines: string[] = [];
  if (d.late.length) {
    lines.push(vi ? `Quá hạn (${d.late.length}):` : `Late (${d.late.length}):`);
    for (const l of d.late)
      lines.push(
        vi
          ? `- ${l.unitName}, ${label(l.period)}: quá hạn ${l.daysLate} ngày`
          : `- ${l.unitNameEn}, ${label(l.period)}: ${daysEn(l.daysLate)} late`,
      );
  }
  if (d.submitted.length) {
    lines.push(
      vi
        ? `Đã gửi từ hôm qua (${d.submitted.length}):`
        : `Submitted since yesterday (${d.submitted.length}):`,
    );
    for (const s of d.submitted) lines.push(`- ${vi ? s.unitName : s.unitNameEn}, ${label(s.period)}`);
  }
  const period = d.late[0]?.period ?? d.submitted[0]?.period;
  return {
    subject: vi
      ? `Tình hình nộp báo cáo ngày ${formatDateVi(d.day)}: ${d.late.length} quá hạn, ${d.submitted.length} mới gửi`
      : `Reporting on ${dateEn(d.day)}: ${d.late.length} late, ${d.submitted.length} newly submitted`,
    body: lines.join('\n'),
    link: period ? `/board?period=${encodeURIComponent(period)}` : '/board',
    linkLabel: vi ? 'Mở bảng theo dõi' : 'Open the submission board',
    language: lang,
  };
}
