// The ninth blind batches (t237–…), gathered on 3 December 2026 like annotations-blind-3.ts: saved,
// run through the checker as merged, then annotated with arith.ts. Batch J held the first must slip
// of the new texts, which the checker missed blind (docs/CHECKER.md, "Blind runs").
import { type Annotated, ok } from './annotation-types.ts';
import { as, m } from './blind-builders.ts';

const year = (anchor: string, period: number, base: number) => ok(anchor, { kind: 'year', period, base });

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
  // Batch K (t240–t253), run after the "trong đó" rule: 0 findings.
  as(
    'cyber',
    m(
      't240',
      'https://vietnamnet.vn/huong-dan-xu-ly-hon-4-000-su-co-tan-cong-mang-vao-cac-he-thong-tai-viet-nam-2318484.html',
      2024,
      [ok('đạt tỷ lệ 77%', { kind: 'share', part: '~5.900', whole: '~7.600', stated: '77' })],
    ),
  ),
  as(
    'cyber',
    m(
      't241',
      'https://tienphong.vn/tan-cong-mang-tai-viet-nam-co-xu-huong-giam-trong-thang-dau-nam-2024-post1609209.tpo',
      2024,
      [ok('đạt 66%', { kind: 'share', part: '2.110', whole: '3.193', stated: '66', counts: true })],
    ),
  ),
  as(
    'statistics',
    m(
      't242',
      'https://thesaigontimes.vn/gan-60-000-doanh-nghiep-gia-nhap-thi-truong-trong-qui-dau-nam',
      2024,
      [
        year('tăng 5,1% so với cùng kỳ năm 2023', 2024, 2023),
        ok('khoảng 59.900 doanh nghiệp', { kind: 'sum', parts: ['36.200', '23.600'], total: '~59.900' }),
      ],
    ),
  ),
  as(
    'statistics',
    m(
      't243',
      'https://dantri.com.vn/kinh-doanh/suc-khoe-doanh-nghiep-ra-sao-trong-3-thang-dau-nam-20240329152046788.htm',
      2024,
      [
        ok('là 724.500 tỷ đồng', { kind: 'sum', parts: ['332.200', '392.300'], total: '724.500' }),
        year('giảm 4,3% so với cùng kỳ năm 2023', 2024, 2023),
      ],
    ),
  ),
  as(
    'statistics',
    m(
      't245',
      'https://thoibaotaichinhvietnam.vn/so-doanh-nghiep-rut-lui-khoi-thi-truong-tang-manh-trong-thang-dau-nam-144465.html',
      2024,
      [
        ok('lên hơn 27,3 nghìn', { kind: 'sum', parts: ['13,5', '~13,8'], total: '~27,3' }),
        year('giảm 8,4% so với cùng kỳ năm 2023', 2024, 2023),
      ],
    ),
  ),
  as(
    'statistics',
    m(
      't246',
      'https://vneconomy.vn/doanh-nghiep-gia-nhap-va-tai-gia-nhap-thi-truong-da-vuot-so-doanh-nghiep-giai-the.htm',
      2024,
      [
        ok('gấp 1,2 lần mức bình quân', { kind: 'times', value: '98.825', base: '83.109', stated: '1,2' }),
        year('tăng 5,7% so với cùng kỳ năm 2023', 2024, 2023),
      ],
    ),
  ),
  as(
    'province',
    m('t251', 'https://baoninhthuan.com.vn/news/140489p1c25/tin-tong-hop.htm', 2023, [
      ok('đạt 131,6 triệu USD', { kind: 'sum', parts: ['81,5', '50,1'], total: '131,6' }),
      ok('đạt 62,7% so kế hoạch', { kind: 'share', part: '81,5', whole: '130', stated: '62,7' }),
    ]),
  ),
  as(
    'province',
    m(
      't253',
      'http://baolamdong.vn/kinhte/202210/kim-ngach-xuat-khau-thang-10-tang-131-so-voi-cung-ky-2021-3141389/',
      2022,
      [
        year('tăng 13,1% so với cùng kỳ năm 2021', 2022, 2021),
        ok('chiếm 62% kim ngạch', { kind: 'share', part: '48,06', whole: '77,52', stated: '62' }),
        ok('chiếm 38% kim ngạch', { kind: 'share', part: '29,46', whole: '77,52', stated: '38' }),
        ok('đạt 77,52 triệu USD', { kind: 'sum', parts: ['48,06', '29,46'], total: '77,52' }),
      ],
    ),
  ),
  // Batch L (t255), with the "trong đó" rule: 0 findings.
  as(
    'province',
    m(
      't255',
      'https://baobackan.vn/nganh-thong-tin-va-truyen-thong-trien-khai-nhiem-vu-nam-2025-post68471.html',
      2024,
      [year('tăng 21% so với cùng kỳ năm 2023', 2024, 2023)],
    ),
  ),
];
