/** Numbers as Vietnamese text prints them: "2.820.865", "46,8", "0,92", "132". */
export const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

/** A printed number: its value and how many decimals it shows (its precision). */
export interface Printed {
  value: number;
  decimals: number;
}

export function parsePrinted(s: string): Printed {
  const [int, dec = ''] = s.replace(/\./g, '').split(',');
  return { value: Number(`${int}.${dec || '0'}`), decimals: dec.length };
}

/** The interval of true values a printed number stands for: "804" is anything from 803,5 to 804,5. */
export const interval = (p: Printed): [number, number] => {
  const h = 0.5 * 10 ** -p.decimals;
  return [p.value - h, p.value + h];
};

/** The range of (v / base − 1) × 100 over every pair of values consistent with the printed ones. */
export function rateRange(v: Printed, base: Printed): [number, number] | null {
  const [v0, v1] = interval(v);
  const [b0, b1] = interval(base);
  if (b0 <= 0) return null;
  return [(v0 / b1 - 1) * 100, (v1 / b0 - 1) * 100];
}

/** The range of v / plan × 100. */
export function shareRange(v: Printed, plan: Printed): [number, number] | null {
  const [v0, v1] = interval(v);
  const [p0, p1] = interval(plan);
  if (p0 <= 0) return null;
  return [(v0 / p1) * 100, (v1 / p0) * 100];
}

export const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
