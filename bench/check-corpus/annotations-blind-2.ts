// The second half of the blind set (see annotations-blind.ts).
import { type Annotated, ok } from './annotation-types.ts';
import { as, m } from './blind-builders.ts';

export const BLIND_2: Annotated[] = [
  as(
    'statistics',
    m(
      't148',
      'https://thanhnien.vn/tai-chinh-kinh-doanh/doanh-thu-ban-le-hang-hoa-va-tieu-dung-giam-nhe-sau-8-thang-1272838.html',
      2020,
    ),
  ),
  as(
    'statistics',
    m('t149', 'https://www.thuvienbinhthuan.com.vn/ban-le-hang-hoa-thang-8-giam-manh.html', 2021),
  ),
  as(
    'statistics',
    m('t150', 'https://baobariavungtau.com.vn/kinh-te/202301/chi-so-gia-tieu-dung-tang-052-970265/', 2023),
  ),
  as('statistics', m('t151', 'http://www.thtg.vn/chi-so-gia-tieu-dung-thang-1-chi-tang-052/', 2023)),
  as(
    'statistics',
    m(
      't152',
      'https://tintucnhatrang.com/kinh-te/hang-hoa-tet-len-gia-day-cpi-thang-1-tang-11445.html',
      2023,
    ),
  ),
  as('statistics', m('t154', 'http://baokiemtoan.vn/print/23329.html', 2023)),
  as(
    'statistics',
    m(
      't155',
      'https://baobariavungtau.com.vn/kinh-te/202411/chi-so-san-xuat-cong-nghiep-tiep-tuc-tang-truong-an-tuong-1025729/',
      2024,
    ),
  ),
  as(
    'statistics',
    m(
      't156',
      'https://soha.vn/mot-mo-vang-cua-viet-nam-thu-ve-hon-77-ty-usd-my-trung-quoc-la-khach-ruot-nhieu-nam-lien-tiep-nuoc-ta-la-ong-lon-thu-5-the-gioi-198251022101128527.htm',
      2025,
    ),
  ),
  as(
    'statistics',
    m(
      't157',
      'https://tracuuquyhoach.com/tin-tuc/san-pham-dien-tu-xuat-khau-thu-ve-hon-107-ty-usd-54312192',
      2026,
      [
        ok('tăng tới 48,4% so với năm trước, tương ứng mức tăng 35,15', {
          kind: 'increase',
          value: '107,75',
          inc: '35,15',
          stated: '48,4',
        }),
        ok('tăng mạnh 81,4%, tương ứng tăng 18,88', {
          kind: 'increase',
          value: '42,09',
          inc: '18,88',
          stated: '81,4',
        }),
        ok('tăng 33,6% (tăng 4,24 tỷ USD)', {
          kind: 'increase',
          value: '16,89',
          inc: '4,24',
          stated: '33,6',
        }),
      ],
    ),
  ),
  as(
    'statistics',
    m('t158', 'https://znews.vn/xuat-khau-dien-thoai-linh-kien-cuoi-nam-giam-manh-post1613886.html', 2025, [
      ok('chiếm tới 53% mức tăng', { kind: 'share', part: '31,7', whole: '59,8', stated: '53' }),
    ]),
  ),
  as(
    'statistics',
    m(
      't160',
      'https://thanhnien.vn/tai-chinh-kinh-doanh/bat-chap-covid-19-xuat-khau-dien-thoai-made-in-vietnam-thu-ve-hon-35-ti-usd-1451525.html',
      2021,
      [
        ok('giảm 2,3%, tương ứng giảm 636 triệu USD', {
          kind: 'increase',
          value: '27,23',
          inc: '0,636',
          stated: '2,3',
          down: true,
        }),
      ],
    ),
  ),
  as(
    'statistics',
    m(
      't161',
      'http://tapchicongthuong.vn/bai-viet/2-nhom-hang-tang-truong-manh-keo-tang-truong-xuat-khau-nua-dau-thang-102020-75989.htm?print=print',
      2020,
    ),
  ),
  m(
    't162',
    'https://www.vietnamplus.vn/toc-do-mang-trung-binh-ca-nuoc-tiep-tuc-lap-dinh-cao-nhat-trong-12-thang-post1055013.vnp',
    2025,
  ),
  m(
    't163',
    'https://thanhnien.vn/toc-do-internet-viet-nam-tang-vuot-bac-nhanh-hon-trung-quoc-185250916103303532.htm',
    2025,
  ),
  m(
    't166',
    'https://www.vietnamplus.vn/toc-do-mang-bang-rong-co-dinh-tai-viet-nam-cao-nhat-trong-12-thang-post1043798.vnp',
    2025,
  ),
  m(
    't168',
    'https://ngaynay.vn/toc-do-mang-bang-rong-co-dinh-tai-viet-nam-tiep-tuc-lap-dinh-post164338.html',
    2025,
  ),
  // Added after the first blind run (t169–t172), run blind too: 1 finding (t172, below). The rule
  // that finds it (counts are exact, and "A units/B units" is read) was written after reading t172.
  as(
    'province',
    m(
      't169',
      'http://laocaitv.vn/khoa-hoc-cong-nghe/nhieu-ket-qua-noi-bat-trong-cong-tac-thong-tin-va-truyen-thong-nam-2023',
      2024,
    ),
  ),
  as(
    'province',
    m(
      't170',
      'http://anlao.anlao.haiphong.gov.vn/tin-tuc-su-kien/ket-qua-dat-duoc-cua-nganh-thong-tin-truyen-thong-525505',
      2023,
    ),
  ),
  as(
    'cyber',
    m(
      't171',
      'https://vietq.vn/tan-cong-mang-tai-viet-nam-giam-4-nam-lien-tiep-nhung-nguy-co-tan-cong-moi-van-rinh-rap-d230492.html',
      2025,
    ),
  ),
  m('t172', 'https://ictvietnam.vn/buoc-dau-chuyen-doi-so-trong-cong-tac-thong-tin-co-so-53909.html', 2022, [
    ok('đạt tỷ lệ 91,4%', { kind: 'share', part: '9.690', whole: '10.599', stated: '91,4', counts: true }),
    // 918 of 10.599 is 8,66%: "8,6" is the share cut at one decimal (and 100 − 91,4).
    ok('chiếm 8,6%', { kind: 'share', part: '918', whole: '10.599', stated: '8,6', counts: true }),
    {
      // The stations and the communes without one (two sentences) do not add up to the communes.
      anchor: 'Còn 918 xã',
      verdict: 'should',
      code: 'SUM_MISMATCH',
      arith: { kind: 'sum', parts: ['9.690', '918'], total: '10.599' },
    },
    {
      // 666 of 705 is 94,468%: 94,47 rounded, 94,46 cut; never 94,45.
      anchor: 'đạt tỷ lệ 94,45%',
      verdict: 'must',
      code: 'SHARE_MISMATCH',
      arith: { kind: 'share', part: '666', whole: '705', stated: '94,45', counts: true },
    },
  ]),
  // Third blind batch, run after the counts rule (t173–t177): 0 findings.
  as(
    'statistics',
    m(
      't173',
      'https://thanhnien.vn/tai-chinh-kinh-doanh/85000-doanh-nghiep-roi-khoi-thi-truong-1441809.html',
      2021,
      [ok('cao hơn đến 3.900', { kind: 'sum', parts: ['81.600', '3.900'], total: '85.500' })],
    ),
  ),
  as(
    'statistics',
    m(
      't174',
      'http://baobariavungtau.com.vn/kinh-te/202011/gan-1243-ngan-dn-dang-ky-thanh-lap-moi-914703/',
      2020,
    ),
  ),
  as(
    'statistics',
    m(
      't175',
      'https://thanhnien.vn/tai-chinh-kinh-doanh/co-13400-doanh-nghiep-moi-ra-doi-trong-thang-8-bat-chap-dich-covid-19-1272698.html',
      2020,
      [ok('hơn 3,218 triệu', { kind: 'sum', parts: ['1,225', '1,99'], total: '3,218' })],
    ),
  ),
  as('statistics', m('t177', 'https://baodauthau.vn/tong-dieu-tra-kinh-te-2021-tag35538.html', 2021)),
  // Fourth blind batch (t178–t181), after the counts rule: 0 findings.
  as(
    'statistics',
    m(
      't178',
      'https://laodongvaphapluat.laodongthudo.vn/tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-6-thang-dau-nam-2025-tang-93-6927.html',
      2025,
      [ok('chiếm 76,5% tổng mức', { kind: 'share', part: '2.613,1', whole: '3.416,8', stated: '76,5' })],
    ),
  ),
  as(
    'statistics',
    m(
      't179',
      'https://www.vietnamplus.vn/nguoi-dan-manh-tay-chi-tieu-gan-4-trieu-ty-dong-trong-7-thang-qua-post1054031.vnp',
      2025,
      [ok('chiếm 76,4% tổng mức', { kind: 'share', part: '3.049,6', whole: '3.993,4', stated: '76,4' })],
    ),
  ),
  as(
    'statistics',
    m('t180', 'https://banduong.vn/top-dia-phuong-tang-truong-grdp-an-tuong-nhat-d10858.html', 2024, [
      ok('đóng góp 49,76%', { kind: 'sum', parts: ['5,96', '44,28', '49,76'], total: '100' }),
    ]),
  ),
  as(
    'province',
    m(
      't181',
      'https://cafef.vn/top-3-noi-co-tang-truong-grdp-cao-nhat-ca-nuoc-6-thang-2024-nhung-dia-phuong-nao-duoc-goi-ten-188240627094256301.chn',
      2024,
    ),
  ),
  // Fifth blind batch (t182–t184), after the counts rule: 0 findings.
  as(
    'cyber',
    m(
      't182',
      'https://vneconomy.vn/hon-650-nghin-dia-chi-ip-cua-viet-nam-nam-trong-mang-may-tinh-matrong-thang-7-2022.htm',
      2022,
      [ok('có 175 địa chỉ IP', { kind: 'sum', parts: ['18', '157'], total: '175' })],
    ),
  ),
  as(
    'cyber',
    m(
      't183',
      'https://ngaynay.vn/hon-18-trieu-dia-chi-ip-viet-nam-nam-trong-cac-mang-may-tinh-ma-post70910.html',
      2019,
    ),
  ),
  as(
    'cyber',
    m(
      't184',
      'https://vietnamnet.vn/phat-hien-18-he-thong-co-quan-nha-nuoc-ket-noi-toi-mang-may-tinh-ma-2332773.html',
      2024,
    ),
  ),
  // Sixth blind batch (t185–t188), after the counts rule: 0 findings.
  as(
    'statistics',
    m('t185', 'https://hiephoibanle.com.vn/viet-nam-tang-truong-gdp-693-trong-quy-ii/', 2024, [
      ok('đóng góp 48,91%', { kind: 'sum', parts: ['5,36', '45,73', '48,91'], total: '100' }),
      ok('đóng góp 49,76%', { kind: 'sum', parts: ['5,96', '44,28', '49,76'], total: '100' }),
      ok('chiếm 8,66%', { kind: 'sum', parts: ['11,55', '36,44', '43,35', '8,66'], total: '100' }),
      ok('43,1%; 8,8%', { kind: 'sum', parts: ['11,64', '36,46', '43,1', '8,8'], total: '100' }),
    ]),
  ),
  as(
    'statistics',
    m('t186', 'https://znews.vn/gdp-quy-ii-tang-6-93-post1483602.html', 2024, [
      ok('chiếm 8,66%', { kind: 'sum', parts: ['11,55', '36,44', '43,35', '8,66'], total: '100' }),
      ok('43,10%; 8,80%', { kind: 'sum', parts: ['11,64', '36,46', '43,10', '8,80'], total: '100' }),
    ]),
  ),
  as('statistics', m('t187', 'https://baomoi.net.vn/gdp-quy-ii-tang-6-93-c49498399.epi', 2024)),
  as(
    'statistics',
    m(
      't188',
      'https://tracuuquyhoach.com/tin-tuc/gdp-6-thang-tang-cao-nhat-cung-ky-giai-doan-2011-2025-52680564',
      2025,
      [ok('đóng góp 52,21%', { kind: 'sum', parts: ['5,59', '42,20', '52,21'], total: '100' })],
    ),
  ),
  // Seventh blind batch (t189–t193), after the counts rule: 0 findings.
  as(
    'province',
    m(
      't189',
      'https://thvl.vn/thoi-su-thvl/thoi-su-dia-phuong/ubnd-tinh-vinh-long-hop-phien-thuong-ky-thang-3-nam-2025',
      2025,
    ),
  ),
  as(
    'statistics',
    m('t190', 'https://doanhnhan.baophapluat.vn/tag/gdp-quy-i2022', 2022, [
      ok('đóng góp 43,16%', { kind: 'sum', parts: ['5,76', '51,08', '43,16'], total: '100' }),
    ]),
  ),
  as(
    'statistics',
    m(
      't191',
      'https://huengaynay.vn/kinh-te/thong-tin-thi-truong/tong-san-pham-tren-dia-ban-thanh-pho-nam-2025-tang-8-5-161617.html',
      2025,
      [
        // The contributions in points add up to the growth rate.
        ok('đóng góp 0,69 điểm phần trăm', {
          kind: 'sum',
          parts: ['0,1', '3,69', '4,02', '0,69'],
          total: '8,5',
        }),
      ],
    ),
  ),
  as(
    'statistics',
    m('t192', 'https://www.thoidai.com.vn/5-dia-phuong-but-pha-tang-truong-quy-i2025-212661.html', 2025),
  ),
  as(
    'statistics',
    m('t193', 'https://nld.com.vn/gdp-quy-i-tang-693-cao-nhat-trong-6-nam-196250406133552073.htm', 2025),
  ),
];
