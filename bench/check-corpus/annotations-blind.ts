// Texts added on 3 December 2026 (t101–t168) and run through the checker BLIND, before they were
// read or annotated and before any rule changed: 56 texts, 0 findings. See annotation-types.ts for
// what an item is. The figures below were transcribed and judged by arith.ts afterwards.
import { type Annotated, ok } from './annotation-types.ts';

const m = (id: string, url: string, year: number, items: Annotated['items'] = []): Annotated => ({
  id,
  url,
  outlet: new URL(url).hostname.replace(/^(www|m)\./, ''),
  kind: 'ministry',
  year,
  items,
});
const as = (kind: Annotated['kind'], t: Annotated): Annotated => ({ ...t, kind });

export const BLIND: Annotated[] = [
  m(
    't101',
    'https://ictvietnam.vn/6-thang-dau-nam-2022-tong-doanh-thu-toan-nganh-tt-tt-uoc-dat-1-833-162-ty-dong-20124.html',
    2022,
    [
      ok('tăng trưởng 17% so với cùng kỳ 2021 (1.568.141', {
        kind: 'change',
        value: '1.833.162',
        base: '1.568.141',
        stated: '17',
      }),
      ok('tăng trưởng 13% so với cùng kỳ 2021 (121.193', {
        kind: 'change',
        value: '137.276',
        base: '121.193',
        stated: '13',
      }),
      ok('tăng 16% so với cùng kỳ 2021 (398.827', {
        kind: 'change',
        value: '461.900',
        base: '398.827',
        stated: '16',
      }),
      ok('tăng 15% so với cùng kỳ 2021 (23.500', {
        kind: 'change',
        value: '27.000',
        base: '23.500',
        stated: '15',
      }),
      ok('tăng trưởng 17% so với cùng kỳ 2021 (1.568.141', { kind: 'year', period: 2022, base: 2021 }),
    ],
  ),
  m(
    't102',
    'https://baodautu.vn/cac-doanh-nghiep-vien-thong-nop-46000-ty-dong-vao-ngan-sach-nha-nuoc-d206167.html',
    2023,
  ),
  m(
    't103',
    'https://thanhnien.vn/nguoi-dung-viet-moi-thang-chi-bao-nhieu-tien-cho-dien-thoai-di-dong-post1534087.html',
    2022,
  ),
  m('t104', 'https://baonghean.vn/bo-thong-tin-truyen-thong-trien-khai-nhiem-vu-2022-299747.html', 2021),
  m(
    't105',
    'https://baobariavungtau.com.vn/chinh-tri/202212/thu-tuong-pham-minh-chinh-thong-tin-truyen-thong-la-dong-luc-truyen-cam-hung-cho-su-phat-trien-va-doi-moi-sang-tao-967228/',
    2022,
  ),
  m(
    't107',
    'https://thoibaotaichinhvietnam.vn/nop-ngan-sach-hon-23118-ty-dong-tu-hoat-dong-thong-tin-va-truyen-thong-148589.html',
    2024,
    [
      ok('đạt 23,3% so với kế hoạch năm (4.171.172', {
        kind: 'share',
        part: '971.197',
        whole: '4.171.172',
        stated: '23,3',
      }),
      ok('đạt 22,8% so với kế hoạch năm (101.593', {
        kind: 'share',
        part: '23.118',
        whole: '101.593',
        stated: '22,8',
      }),
      ok('tăng 11,8% (so với cùng kỳ năm 2023)', { kind: 'year', period: 2024, base: 2023 }),
    ],
  ),
  m(
    't108',
    'https://www.qdnd.vn/giao-duc-khoa-hoc/tin-tuc/trong-thang-3-2024-to-chuc-dau-gia-cac-bang-tan-2600-mhz-va-3700-mhz-767652',
    2024,
    [
      ok('đạt 15,7% so với kế hoạch năm (4.171.172', {
        kind: 'share',
        part: '653.284',
        whole: '4.171.172',
        stated: '15,7',
      }),
      ok('đạt 15,8% so với kế hoạch năm (101.593', {
        kind: 'share',
        part: '16.053',
        whole: '101.593',
        stated: '15,8',
      }),
    ],
  ),
  m(
    't109',
    'https://thoibaotaichinhvietnam.vn/nop-ngan-sach-hon-99300-ty-dong-tu-hoat-dong-thong-tin-truyen-thong-143048.html',
    2024,
  ),
  m(
    't110',
    'https://thoibaotaichinhvietnam.vn/so-tien-nop-ngan-sach-tu-hoat-dong-thong-tin-truyen-thong-tang-10-so-voi-cung-ky-141199.html',
    2023,
  ),
  m(
    't111',
    'https://doanhnghiephoinhap.vn/doanh-thu-nua-dau-nam-cua-nganh-thong-tin-va-truyen-thong-tang-27-so-voi-cung-ky-3252.html',
    2024,
  ),
  m(
    't112',
    'https://doanhnhansaigon.vn/doanh-thu-nganh-thong-tin-va-truyen-thong-dat-hon-2-trieu-ty-dong-312417.html',
    2024,
  ),
  m(
    't113',
    'https://thanhnien.vn/doanh-thu-nganh-tt-tt-dat-hon-2-trieu-ti-dong-185240729184259729.htm',
    2024,
  ),
  m(
    't114',
    'https://baodaknong.vn/nganh-thong-tin-truyen-thong-dong-gop-gan-989-000-ty-dong-vao-gdp-ca-nuoc-238335.html',
    2024,
  ),
  m(
    't115',
    'https://doanhnghieptiepthi.vn/doanh-thu-toan-nganh-khcn-uoc-dat-hon-24-trieu-ty-dong-161250714160143103.htm',
    2025,
    [
      ok('tăng 16% so với cùng kỳ năm 2024 và ước đạt 53% kế hoạch năm 2025. Đây', {
        kind: 'year',
        period: 2025,
        base: 2024,
      }),
    ],
  ),
  m(
    't116',
    'http://hanam.gov.vn/stttt/Pages/bo-tttt-so-ket-cong-tac-6-thang-dau-nam-va-phuong-huong-nhiem-vu-6-thang-cuoi-nam-2019.aspx',
    2019,
  ),
  as(
    'statistics',
    m(
      't118',
      'https://m.tinnhanhchungkhoan.vn/6-thang-nam-2020-doanh-thu-hoat-dong-vien-thong-uoc-dat-192100-ty-dong-post244769.html',
      2020,
    ),
  ),
  m('t119', 'https://vneconomy.vn/doanh-thu-cong-nghiep-ict-can-moc-65-ty-usd.htm', 2021),
  m('t120', 'https://ngoaingucongnghe.vn/doanh-thu-cong-nghiep-cong-nghe-thong-tin-5-thang-tang-85/', 2022),
  m(
    't121',
    'https://xahoithongtin.vnmedia.vn/tin-noi-bat/202008/bo-tttt-doanh-thu-trong-linh-vuc-vien-thong-giam-nhe-ba91e07/',
    2020,
    // "55 tỷ đồng" of "58 tỷ USD": the unit is wrong (the article means USD), the share is right.
    [ok('chiếm tỷ lệ 95% tổng doanh thu', { kind: 'share', part: '55', whole: '58', stated: '95' })],
  ),
  m(
    't122',
    'https://vietbao.vn/bang-lang-nhuom-tim-pho-phuong-ha-noi-dep-nhu-trong-truyen-co-tich-485376.html',
    2024,
  ),
  m(
    't123',
    'https://mic.gov.vn/mic_2020/Pages/TinTuc/161705/Infographic--Go-bo-hang-tram-bai-viet--video-sai-su-that--tieu-cuc-tren-mang-xa-hoi.html',
    2023,
  ),
  m('t124', 'https://vietbao.vn/facebook-chan-go-10-713-bai-viet-chong-pha-dang-nha-nuoc-566333.html', 2025),
  m(
    't125',
    'https://doanhnghiephoinhap.vn/viec-go-thong-tin-xau-doc-tren-khong-gian-mang-dat-ty-le-cao-ky-luc-6166.html',
    2023,
  ),
  as(
    'cyber',
    m(
      't126',
      'https://thoibaongaynay.vn/1056-cuoc-tan-cong-mang-vao-he-thong-thong-tin-tai-viet-nam-a3121.html',
      2020,
      [
        ok('ghi nhận 203 cuộc', { kind: 'sum', parts: ['43', '89', '71'], total: '203' }),
        ok('tổng cộng 1.056 cuộc', { kind: 'sum', parts: ['553', '280', '223'], total: '1.056' }),
      ],
    ),
  ),
  as(
    'cyber',
    m(
      't127',
      'https://ictnews.vietnamnet.vn/bao-mat/tan-cong-mang-vao-cac-he-thong-thong-tin-tai-viet-nam-giam-nhe-264361.html',
      2020,
      [ok('xử lý 517 sự cố', { kind: 'sum', parts: ['199', '160', '158'], total: '517' })],
    ),
  ),
  as(
    'province',
    m(
      't132',
      'https://baoquangnam.vn/ban-le-hang-hoa-va-doanh-thu-dich-vu-2-thang-dau-nam-cua-quang-nam-dat-gan-14-nghin-ty-dong-3149825.html',
      2025,
      [
        ok('tháng 2 đạt 6.544 tỷ đồng', {
          kind: 'sum',
          parts: ['3.940', '1.420', '~35', '1.149'],
          total: '6.544',
        }),
      ],
    ),
  ),
  as(
    'province',
    m(
      't133',
      'https://qrt.vn/kinh-te/doanh-thu-ban-le-hang-hoa-thang-10-uoc-dat-41-nghin-ty-dong/?utm_source=rss&utm_medium=rss&utm_campaign=doanh-thu-ban-le-hang-hoa-thang-10-uoc-dat-41-nghin-ty-dong',
      2024,
    ),
  ),
  as(
    'province',
    m(
      't134',
      'https://thuathienhue.gov.vn/vi-vn/Thong-tin-kinh-te-xa-hoi/tid/Doanh-thu-ban-le-hang-hoa-va-dich-vu-tieu-dung-thang-10-nam-2023/newsid/A77ECB7C-A307-40CC-A47E-B0B1008D9A76/cid/34A24D6D-466C-458F-ACD2-B0B1008D149F',
      2023,
      // A table: the checker reads no table, and must stay silent on it.
      [
        ok('4736,0', { kind: 'sum', parts: ['3451,7', '140,8', '755,3', '32,3', '355,9'], total: '4736,0' }),
        ok('4671,4', { kind: 'sum', parts: ['3415,7', '130,7', '726,9', '30,9', '367,2'], total: '4671,4' }),
        ok('45896,9', {
          kind: 'sum',
          parts: ['33871,4', '1346,3', '7305,4', '238,0', '3135,8'],
          total: '45896,9',
        }),
      ],
    ),
  ),
  as(
    'statistics',
    m(
      't135',
      'https://baodanang.vn/channel/5404/202209/tang-truong-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-3921238',
      2022,
    ),
  ),
  as(
    'province',
    m(
      't136',
      'https://thainguyentv.vn/tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-tang-gan-11-99958.html',
      2023,
    ),
  ),
  as(
    'province',
    m(
      't137',
      'https://baoquangnam.vn/8-thang-tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-dat-49-2-nghin-ty-dong-3140604.html',
      2024,
      [
        ok('tháng 8 đạt 6.370 tỷ đồng', {
          kind: 'sum',
          parts: ['4.310', '1.224', '56', '780'],
          total: '6.370',
        }),
      ],
    ),
  ),
  as(
    'statistics',
    m(
      't138',
      'https://baogialai.com.vn/channel/8207/202106/kinh-te-xa-hoi-6-thang-dau-nam-2021-tang-kha-grdp-tang-gan-10-5741643/',
      2021,
    ),
  ),
  as(
    'statistics',
    m(
      't139',
      'https://thongkegialai.gov.vn/download/thong-cao-bao-chi/hop-bao-cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-tinh-gia-lai-6-thang-dau-nam-2024.html',
      2024,
      [
        ok('vượt 3,08% (vượt 2.425,1 ha)', {
          kind: 'increase',
          value: '81.195,1',
          inc: '2.425,1',
          stated: '3,08',
        }),
        ok('tăng 0,94% (tăng 755,8 ha)', {
          kind: 'increase',
          value: '81.195,1',
          inc: '755,8',
          stated: '0,94',
        }),
        ok('giảm 5,37% (giảm 1.440,3 ha)', {
          kind: 'increase',
          value: '25.393,3',
          inc: '1.440,3',
          stated: '5,37',
          down: true,
        }),
        ok('tăng 1,56% (tăng 53,7 ha)', { kind: 'increase', value: '3.498,2', inc: '53,7', stated: '1,56' }),
        ok('chiếm 3,71%', { kind: 'sum', parts: ['20,34', '31,24', '44,71', '3,71'], total: '100' }),
      ],
    ),
  ),
  as(
    'statistics',
    m(
      't140',
      'https://baogialai.com.vn/hop-bao-cong-bo-so-lieu-kinh-te-xa-hoi-gia-lai-thang-dau-nam-2023-post241559.html',
      2023,
    ),
  ),
  as(
    'statistics',
    m(
      't141',
      'https://baogialai.com.vn/channel/8207/202206/cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-6-thang-5781555/',
      2022,
    ),
  ),
  as(
    'statistics',
    m(
      't142',
      'http://gialaitv.vn/tin-tuc/tin-dia-phuong/hop-bao-cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-tinh-gia-lai-nam-2023/',
      2023,
    ),
  ),
  as(
    'province',
    m(
      't143',
      'https://viettimes.vn/du-lich-quang-nam-tang-truong-tot-don-hon-163-trieu-luot-khach-trong-quy-12023-post165622.html',
      2023,
      [ok('chiếm 23,4%', { kind: 'sum', parts: ['12,4', '26,7', '37,5', '23,4'], total: '100' })],
    ),
  ),
  as(
    'statistics',
    m(
      't144',
      'http://qrt.vn/thong-tin-tong-hop/tong-muc-ban-le-hang-hoa-tren-dia-ban-tinh-trong-quy-i-uoc-tang-702/',
      2020,
    ),
  ),
  as(
    'statistics',
    m(
      't145',
      'http://baoquangnam.vn/thuong-mai-dich-vu/tong-doanh-thu-ban-le-hang-hoa-tang-hon-4-94946.html',
      2020,
    ),
  ),
  as(
    'statistics',
    m(
      't147',
      'https://thoibaotaichinhvietnam.vn/tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-thang-12022-99634.html',
      2022,
    ),
  ),
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
