/**
 * Typography of figures, reported as information (severity "info") so it never drowns the
 * arithmetic: malformed period labels, "%%", a missing space, English thousands separators, a
 * decimal comma where the same figure is elsewhere grouped by thousands, impossible magnitudes,
 * doubled function words.
 */
import type { Finding } from './check-schemas.ts';
import { sentences } from './extract.ts';
import { ENGLISH_GROUPED, FIGURE, parsePrinted } from './numbers.ts';

const info = (
  text: string,
  start: number,
  end: number,
  code: Finding['code'],
  message: string,
  messageEn: string,
): Finding => ({
  code,
  severity: 'info',
  start,
  end,
  quote: text.slice(start, end),
  stated: null,
  expected: null,
  message,
  messageEn,
});

const IPV4_SPACE = 2 ** 32;

export function typography(text: string): Finding[] {
  const out: Finding[] = [];
  const each = (re: RegExp, f: (m: RegExpExecArray) => Finding | null) => {
    for (let m; (m = re.exec(text));) {
      const x = f(m);
      if (x) out.push(x);
    }
  };
  each(/(?<!\d\s*)(?:tháng|quý)\s+năm\s+\d{4}/giu, (m) =>
    info(
      text,
      m.index,
      m.index + m[0].length,
      'MALFORMED_PERIOD',
      `Thiếu tháng hoặc quý: "${m[0]}"`,
      `Month or quarter missing: "${m[0]}"`,
    ),
  );
  each(/%(?:\s*%)+/gu, (m) =>
    info(text, m.index, m.index + m[0].length, 'DOUBLED_SYMBOL', 'Dấu % lặp lại', 'A doubled % sign'),
  );
  each(/(?<!\p{L})(đạt|tăng|giảm|là|chiếm|bằng|khoảng)(\d[\d.,]*)/giu, (m) =>
    info(
      text,
      m.index,
      m.index + m[0].length,
      'MISSING_SPACE',
      `Thiếu dấu cách: "${m[0]}"`,
      `A missing space: "${m[0]}"`,
    ),
  );
  each(new RegExp(String.raw`(?<![\d.,])${ENGLISH_GROUPED}`, 'gu'), (m) =>
    info(
      text,
      m.index,
      m.index + m[0].length,
      'ENGLISH_SEPARATOR',
      `"${m[0]}" dùng dấu phẩy phân cách hàng nghìn kiểu tiếng Anh; văn bản tiếng Việt viết ${m[0].replace(/,/g, '.')}`,
      `"${m[0]}" groups thousands the English way; Vietnamese text writes ${m[0].replace(/,/g, '.')}`,
    ),
  );
  // "70,422 tỷ đồng" where the text also prints 70.422: a thousands dot typed as a decimal comma.
  each(/(?<![\d.,])(\d{1,3}),(\d{3})(?![\d.,]*\d)/gu, (m) =>
    text.includes(`${m[1]}.${m[2]}`)
      ? info(
          text,
          m.index,
          m.index + m[0].length,
          'THOUSANDS_AS_DECIMAL',
          `"${m[0]}" ở nơi khác được ghi là ${m[1]}.${m[2]}: dấu phẩy thập phân hay dấu chấm hàng nghìn?`,
          `"${m[0]}" is printed ${m[1]}.${m[2]} elsewhere: a decimal comma or a thousands dot?`,
        )
      : null,
  );
  // More IPv4 addresses than exist.
  for (const span of sentences(text)) {
    const sentence = text.slice(span.start, span.end);
    if (!/IPv4|địa\s+chỉ\s+IP/iu.test(sentence)) continue;
    const offset = span.start;
    const re = new RegExp(FIGURE, 'gu');
    for (let m; (m = re.exec(sentence));) {
      const p = parsePrinted(m[1]!, sentence.slice(m.index + m[1]!.length));
      if (p.value * p.scale > IPV4_SPACE)
        out.push(
          info(
            text,
            offset + m.index,
            offset + m.index + m[1]!.length,
            'IMPOSSIBLE_VALUE',
            `${m[1]} lớn hơn số địa chỉ IPv4 có thể có (2^32 ≈ 4,29 tỷ)`,
            `${m[1]} exceeds the number of IPv4 addresses (2^32 ≈ 4.29 billion)`,
          ),
        );
    }
  }
  each(/(?<!\p{L})(so với|của|và|các|những|được|trong|là|với|cho|đã|đạt)\s+\1(?!\p{L})/giu, (m) =>
    info(
      text,
      m.index,
      m.index + m[0].length,
      'REPEATED_WORDS',
      `Lặp từ: "${m[0]}"`,
      `Repeated words: "${m[0]}"`,
    ),
  );
  return out;
}
