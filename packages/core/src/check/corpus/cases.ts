/**
 * The fact-checker's test corpus: realistic briefing sentences written for these tests (none copied
 * from published text). Each case is a short text and the findings it must raise — none for an
 * honest one. Generated cases vary subject, unit, magnitude, period wording and comparison form, with
 * planted slips computed from the same numbers; hand-written cases (`forms.ts`) cover the forms that
 * misled earlier versions.
 */
import type { Finding } from '../check-schemas.ts';

export interface CorpusCase {
  text: string;
  /** Findings the text must raise (code and the quoted text it must point at); [] for an honest text. */
  expect: { code: Finding['code']; quote: string }[];
  /** The form exercised, for the per-form tally. */
  form: string;
}

/** A deterministic generator (mulberry32): the corpus is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS: [name: string, unit: string, min: number, max: number, decimals: number][] = [
  ['doanh thu dịch vụ viễn thông', 'tỷ đồng', 20_000, 400_000, 0],
  ['doanh thu toàn ngành', 'tỷ đồng', 900_000, 3_500_000, 0],
  ['lợi nhuận của các doanh nghiệp bưu chính', 'tỷ đồng', 300, 2_500, 0],
  ['nộp ngân sách nhà nước', 'tỷ đồng', 20_000, 120_000, 0],
  ['kim ngạch xuất khẩu phần cứng, điện tử', 'tỷ USD', 50, 140, 1],
  ['số thuê bao băng rộng cố định', 'triệu thuê bao', 18, 26, 2],
  ['số thuê bao băng rộng di động', 'triệu thuê bao', 70, 95, 1],
  ['sản lượng bưu gửi', 'triệu bưu gửi', 150, 900, 1],
  ['số doanh nghiệp công nghệ số', 'doanh nghiệp', 60_000, 80_000, 0],
  ['số tên miền .vn đang duy trì', 'tên miền', 550_000, 700_000, 0],
  ['số vụ tấn công mạng vào hệ thống thông tin', 'vụ', 300, 2_000, 0],
  ['số địa chỉ IP nằm trong mạng botnet', 'địa chỉ', 300_000, 900_000, 0],
  ['số chứng thư số công cộng đang hoạt động', 'chứng thư', 2_000_000, 3_500_000, 0],
  ['tốc độ truy cập Internet di động trung bình', 'Mbps', 40, 150, 2],
  ['tổng số lao động toàn ngành', 'lao động', 1_300_000, 1_700_000, 0],
  ['số hồ sơ trực tuyến toàn trình', 'hồ sơ', 8_000, 95_000, 0],
];

const vi = (x: number, d: number) => {
  const fixed = x.toFixed(d);
  const [int, dec] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return dec ? `${grouped},${dec}` : grouped;
};
/** Rounds half up at `d` decimals, as the ministry prints. */
const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.sign(x) * (Math.floor(Math.abs(x) * f + 0.5 + 1e-9) / f);
};
/**
 * Whether a stated rate (percent) is plainly wrong, worked out apart from the checker: the exact rate
 * from the figures as printed, and how far rounding them at `d` decimals can move it, bounded to
 * first order (relative errors add: h/value + h/base, h = half a unit of the last printed digit, and
 * the second-order term is far below the margin). A slip is planted only when the stated rate lies
 * beyond that bound, its own rounding and a small margin; the checker's interval arithmetic is not used.
 */
function plainlyWrong(value: number, base: number, d: number, stated: number, statedDecimals: number) {
  const h = 0.5 * 10 ** -d;
  const exact = (value / base - 1) * 100;
  const spread = 100 * (value / base) * (h / value + h / base);
  const ownRounding = 0.5 * 10 ** -statedDecimals;
  return Math.abs(stated - exact) > spread + ownRounding + 0.005;
}

const cap = (s: string) => s[0]!.toLocaleUpperCase('vi') + s.slice(1);

type PeriodWord = { lead: string; inline: string; year: number; lastYear: string; previous: string | null };
const ROMAN = ['I', 'II', 'III', 'IV'];
function periodWord(r: () => number): PeriodWord {
  const year = 2022 + Math.floor(r() * 4);
  const k = Math.floor(r() * 6);
  const m = 1 + Math.floor(r() * 12);
  const q = 1 + Math.floor(r() * 4);
  const n = 2 + Math.floor(r() * 10);
  const forms: PeriodWord[] = [
    {
      lead: `Tháng ${m}/${year}`,
      inline: `tháng ${m}/${year}`,
      year,
      lastYear: `cùng kỳ năm ${year - 1}`,
      previous: 'tháng trước',
    },
    {
      lead: `Quý ${ROMAN[q - 1]}/${year}`,
      inline: `quý ${ROMAN[q - 1]}/${year}`,
      year,
      lastYear: `cùng kỳ năm ${year - 1}`,
      previous: 'quý trước',
    },
    {
      lead: `Quý ${q}-${year}`,
      inline: `quý ${q}-${year}`,
      year,
      lastYear: `cùng kỳ năm ${year - 1}`,
      previous: 'quý trước',
    },
    {
      lead: `${n} tháng đầu năm ${year}`,
      inline: `${n} tháng đầu năm ${year}`,
      year,
      lastYear: `cùng kỳ năm ${year - 1}`,
      previous: null,
    },
    { lead: `Năm ${year}`, inline: `năm ${year}`, year, lastYear: `năm ${year - 1}`, previous: null },
    {
      lead: `Tháng ${m}-${year}`,
      inline: `tháng ${m}-${year}`,
      year,
      lastYear: `cùng kỳ năm ${year - 1}`,
      previous: 'tháng trước',
    },
  ];
  return forms[k]!;
}

/** Cases generated from numbers: honest statements and the same statements with one planted slip. */
export function generatedCases(count: number, seed = 20261129): CorpusCase[] {
  const r = random(seed);
  const out: CorpusCase[] = [];
  for (let i = 0; i < count; i++) {
    const [name, unit, min, max, d] = SUBJECTS[Math.floor(r() * SUBJECTS.length)]!;
    const p = periodWord(r);
    const value = round(min + r() * (max - min), d);
    const growth = (r() - 0.3) * 60; // −18% … +42%
    const base = round(value / (1 + growth / 100), d);
    const rate = (value / base - 1) * 100;
    const shown = round(Math.abs(rate), 1);
    const verb = rate >= 0 ? 'tăng' : 'giảm';
    const V = vi(value, d);
    const B = vi(base, d);
    const slip = r();
    const style = Math.floor(r() * 5);
    // Honest about half the time; otherwise one slip, chosen so that it is plainly wrong.
    let rateText = vi(shown, 1).replace(/,0$/, '');
    let target = p.lastYear;
    const expect: CorpusCase['expect'] = [];
    const sign = rate >= 0 ? 1 : -1;
    if (slip < 0.2 && shown >= 2) {
      const wrong = round(shown + (r() < 0.5 ? -1 : 1) * (1 + Math.floor(r() * 5)), 1);
      if (plainlyWrong(value, base, d, sign * wrong, 1)) {
        rateText = vi(wrong, 1);
        expect.push({ code: 'RATE_MISMATCH', quote: `${rateText}%` });
      }
    } else if (slip < 0.3) {
      // A truncation (23,76 printed 23,7): a slip only when the printed figures rule it out.
      const trunc = Math.floor(Math.abs(rate) * 10) / 10;
      if (trunc !== shown && plainlyWrong(value, base, d, sign * trunc, 1)) {
        rateText = vi(trunc, 1);
        expect.push({ code: 'RATE_MISMATCH', quote: `${rateText}%` });
      }
    } else if (slip < 0.42 && p.lastYear.startsWith('cùng kỳ năm')) {
      target = `cùng kỳ năm ${p.year - 2}`;
      expect.push({ code: 'WRONG_COMPARISON_YEAR', quote: target });
    }
    let cmp = `${verb} ${rateText}% so với ${target} (${B} ${unit})`;
    // A third of the statements also give the share of the annual plan.
    if (r() < 0.35) {
      const plan = round(value / (0.4 + r() * 0.7), d);
      let share = vi(round((value / plan) * 100, 1), 1).replace(/,0$/, '');
      if (!expect.length && r() < 0.35) {
        share = vi(round((value / plan) * 100 + 3 + Math.floor(r() * 8), 1), 1).replace(/,0$/, '');
        expect.push({ code: 'SHARE_MISMATCH', quote: `${share}%` });
      }
      cmp += ` và đạt ${share}% so với kế hoạch năm (${vi(plan, d)} ${unit})`;
    }
    const sentences = [
      `${p.lead}, ${name} ước đạt ${V} ${unit}, ${cmp}.`,
      `${cap(name)} ${p.inline} đạt ${V} ${unit}, ${cmp}.`,
      `Trong ${p.inline}, ${name} là ${V} ${unit}; so với ${target} (${B} ${unit}) ${verb} ${rateText}%.`,
      `${cap(name)} ${p.inline} ước đạt ${V} ${unit}, ${cmp}, tiếp tục xu hướng của các kỳ trước.`,
      `Về ${name}: ${p.inline} đạt ${V} ${unit}, ${cmp}.`,
    ];
    // Style 2 states the base before the rate: a form the checker does not read; it must stay silent.
    if (style === 2) {
      out.push({ text: sentences[2]!, expect: [], form: 'base before rate (not read: silent)' });
      continue;
    }
    out.push({ text: sentences[style]!, expect, form: `generated: ${expect[0]?.code ?? 'honest'}` });
  }
  return out;
}
