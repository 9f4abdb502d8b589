// The ninth blind batches (t237–…), gathered on 3 December 2026 like annotations-blind-3.ts: saved,
// run through the checker as merged, then annotated with arith.ts. Batch J held the first must slip
// of the new texts, which the checker missed blind (docs/CHECKER.md, "Blind runs").
import { type Annotated, ok } from './annotation-types.ts';
import { as, m } from './blind-builders.ts';

export const BLIND_4: Annotated[] = [
  // Batch J (t237–t239): 0 findings; t237's must slip missed.
  as(
    'cyber',
    m(
      't237',
      'https://vietbao.vn/phat-hien-chien-dich-tan-cong-moi-nham-vao-cac-thiet-bi-mang-cisco-484231.html',
      2024,
      [
        // The whole (3.418 systems) stands before its part (2.365 "trong đó"): 69,19%, not 68,2%.
        {
          anchor: 'đạt tỷ lệ 68,2%',
          verdict: 'must',
          code: 'SHARE_MISMATCH',
          arith: { kind: 'share', part: '2.365', whole: '3.418', stated: '68,2', counts: true },
        },
      ],
    ),
  ),
  as(
    'cyber',
    m(
      't238',
      'https://ngaynay.vn/hon-860-vu-tan-cong-mang-gay-ra-su-co-trong-thang-22024-post144227.html',
      2024,
      [
        ok('đạt 66,5%', { kind: 'share', part: '2.145', whole: '3.224', stated: '66,5', counts: true }),
        ok('43 trang thông tin', { kind: 'sum', parts: ['19', '24'], total: '43' }),
        ok('4.662 (557', { kind: 'sum', parts: ['557', '4.105'], total: '4.662' }),
      ],
    ),
  ),
  as(
    'cyber',
    m('t239', 'https://thanhnien.vn/so-cuoc-tan-cong-mang-tang-256-185230206145509136.htm', 2023, [
      ok('1.234 cuộc, tăng 252 cuộc', { kind: 'sum', parts: ['982', '252'], total: '1.234' }),
      ok('11.213 cuộc tấn công', { kind: 'sum', parts: ['3.930', '1.524', '5.759'], total: '11.213' }),
    ]),
  ),
];
