// Texts added on 3 December 2026 (t101–t168) and run through the checker BLIND, before they were
// read or annotated and before any rule changed: 56 texts, 0 findings. See annotation-types.ts for
// what an item is. The figures below were transcribed and judged by arith.ts afterwards.
import { type Annotated, ok } from './annotation-types.ts';
import { as, m } from './blind-builders.ts';

// The first half of the blind set; the rest is in annotations-blind-2.ts.
export const BLIND_1: Annotated[] = [
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
];
