/**
 * The real-prose evaluation set: published Vietnamese statistical texts (2020–2026), annotated by
 * hand. Only addresses, short anchors and transcribed figures live here; the texts themselves are
 * kept in `texts/` (git-ignored) and never committed.
 *
 * Each item is one comparison a reader can check from the printed figures (a rate with its base, a
 * share with its whole, an increase with its level, parts with their total, a "cùng kỳ" with the
 * statement's own period in the same sentence). `arith` holds the figures as transcribed; its verdict
 * comes from `arith.ts` (the annotator's own interval arithmetic, not the checker's), and the bench
 * refuses an annotation whose verdict disagrees with it. A slip is graded:
 * - must: the figures that prove it stand in the statement's own sentence (or its brackets);
 * - should: provable, but only at the last printed digit or from a neighbouring sentence;
 * - optional: needs figures from elsewhere in the text (a table, another paragraph).
 * Rates printed without any base ("tăng 17% so với cùng kỳ") cannot be checked and are not items: a
 * finding on one of them is a false alarm.
 */
import type { Arith } from './arith.ts';

export type Kind = 'ministry' | 'province' | 'cyber' | 'statistics';

export interface Item {
  /** Words of the text (as printed) that the comparison's finding would point into. */
  anchor: string;
  verdict: 'correct' | 'must' | 'should' | 'optional';
  /** The finding a slip calls for. */
  code?: 'RATE_MISMATCH' | 'SHARE_MISMATCH' | 'WRONG_COMPARISON_YEAR' | 'SUM_MISMATCH';
  arith: Arith;
}

export interface Annotated {
  id: string;
  url: string;
  outlet: string;
  kind: Kind;
  year: number;
  items: Item[];
}

const ok = (anchor: string, arith: Arith): Item => ({ anchor, verdict: 'correct', arith });

export const ANNOTATED: Annotated[] = [
  {
    id: 't01',
    url: 'https://vietbao.vn/6-thang-dau-nam-doanh-thu-buu-chinh-vien-thong-tang-cong-nghiep-ict-giam-434837.html',
    outlet: 'vietbao.vn',
    kind: 'ministry',
    year: 2023,
    items: [ok('giảm 8,66% so với cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 })],
  },
  {
    id: 't02',
    url: 'https://dulichdoisong.vn/c/cong-nghe?page=461',
    outlet: 'dulichdoisong.vn',
    kind: 'ministry',
    year: 2022,
    items: [ok('tăng 12,7% so với năm 2021', { kind: 'year', period: 2022, base: 2021 })],
  },
  {
    id: 't03',
    url: 'https://thuonggiaonline.vn/doanh-thu-nganh-thong-tin-va-truyen-thong-vuot-18-trieu-ty-post48073.html',
    outlet: 'thuonggiaonline.vn',
    kind: 'ministry',
    year: 2022,
    items: [
      ok('tăng 17% so với cùng kỳ năm 2021', { kind: 'year', period: 2022, base: 2021 }),
      // Make in Vietnam 19,4 of 72,5 tỷ USD (the sentence before): 26,76%.
      ok('chiếm 26,7%', { kind: 'share', part: '19,4', whole: '72,5', stated: '26,7' }),
    ],
  },
  {
    id: 't04',
    url: 'https://vneconomy.vn/quy-1-2024-doanh-thu-nganh-thong-tin-va-truyen-thong-tang-gan-12.htm',
    outlet: 'vneconomy.vn',
    kind: 'ministry',
    year: 2024,
    items: [
      ok('đạt 22,9% so với kế hoạch năm', {
        kind: 'share',
        part: '69.106',
        whole: '302.400',
        stated: '22,9',
      }),
      ok('đạt 22,8% so với kế hoạch năm', {
        kind: 'share',
        part: '23.118',
        whole: '101.593',
        stated: '22,8',
      }),
      {
        anchor: 'đạt 22,4% so với so với kế hoạch năm',
        verdict: 'must',
        code: 'SHARE_MISMATCH',
        arith: { kind: 'share', part: '220.323', whole: '938.136', stated: '22,4' },
      },
      ok('tăng 1,49% so với năm 2022', { kind: 'year', period: 2023, base: 2022 }),
    ],
  },
  {
    id: 't05',
    url: 'https://zingnews.vn/doanh-thu-nganh-cong-nghe-thong-tin-5-thang-uoc-dat-57-ty-usd-post1322538.html',
    outlet: 'zingnews.vn',
    kind: 'ministry',
    year: 2022,
    items: [
      {
        // "doanh thu tháng 1/2021 … giảm 14% so với cùng kỳ năm 2021": a month compared with its own year.
        anchor: 'cùng kỳ năm 2021. Bước',
        verdict: 'must',
        code: 'WRONG_COMPARISON_YEAR',
        arith: { kind: 'year', period: 2021, base: 2021 },
      },
      ok('giảm 10,8% so với tháng đầu tiên', {
        kind: 'change',
        value: '226.725',
        base: '254.271',
        stated: '10,8',
        down: true,
      }),
      ok('tăng 8,5% so với cùng kỳ năm ngoái', { kind: 'year', period: 2022, base: 2021 }),
    ],
  },
  {
    id: 't06',
    url: 'https://saostarmedia.com/doanh-thu-nganh-thong-tin-va-truyen-thong-vuot-18-trieu-ty/',
    outlet: 'saostarmedia.com',
    kind: 'ministry',
    year: 2022,
    items: [
      ok('tăng 17% so với cùng kỳ năm 2021', { kind: 'year', period: 2022, base: 2021 }),
      ok('chiếm 26,7%', { kind: 'share', part: '19,4', whole: '72,5', stated: '26,7' }),
    ],
  },
  {
    id: 't07',
    url: 'https://frt.mic.gov.vn/mic_2020/Pages/TinTuc/153917/INFOGRAPHIC--Doanh-thu-cong-nghiep-CNTT-5-thang-dau-nam-2022-tang-8-5--so-voi-cung-ky.html',
    outlet: 'mic.gov.vn',
    kind: 'ministry',
    year: 2022,
    items: [ok('tăng 8,5% so với cùng kỳ năm 2021. Giá', { kind: 'year', period: 2022, base: 2021 })],
  },
  {
    id: 't08',
    url: 'https://vneconomy.vn/gia-tri-xuat-khau-san-pham-phan-cung-dien-tu-9-thang-giam-5.htm',
    outlet: 'vneconomy.vn',
    kind: 'ministry',
    year: 2023,
    items: [
      ok('(4,25 %)', { kind: 'increase', value: '100,6', inc: '4,1', stated: '4,25' }),
      ok('tăng 87,8%', { kind: 'change', value: '432', base: '~230', stated: '87,8' }),
      ok('chiếm 68%', { kind: 'share', part: '3,5', whole: '5,16', stated: '68' }),
      ok('tăng 15% so với tháng 9/2022', { kind: 'year', period: 2023, base: 2022 }),
    ],
  },
  {
    id: 't09',
    url: 'https://www.moitruongvadothi.vn/bo-thong-tin-va-truyen-thong-so-ket-cong-tac-6-thang-dau-nam-2022-a106653.html',
    outlet: 'moitruongvadothi.vn',
    kind: 'ministry',
    year: 2022,
    items: [],
  },
  {
    id: 't10',
    url: 'https://baomoi.net.vn/nganh-thong-tin-va-truyen-thong-thu-hon-2-trieu-ty-dong-c49759199.epi',
    outlet: 'baomoi',
    kind: 'ministry',
    year: 2024,
    items: [],
  },
  {
    id: 't11',
    url: 'https://vietbao.vn/iphone-moi-se-su-dung-kien-truc-chip-ai-do-arm-thiet-ke-504790.html',
    outlet: 'vietbao.vn',
    kind: 'cyber',
    year: 2024,
    items: [
      ok('giảm tới 53,2%', { kind: 'change', value: '4.029', base: '~8.600', stated: '53,2', down: true }),
    ],
  },
  {
    id: 't12',
    url: 'https://baodanang.vn/infographics/202005/4-thang-nam-2020-so-vu-tan-cong-mang-giam-514-3391866',
    outlet: 'baodanang.vn',
    kind: 'cyber',
    year: 2020,
    items: [
      ok('203 cuộc tấn công', { kind: 'sum', parts: ['43', '89', '71'], total: '203' }),
      ok('cùng kỳ năm 2019, số vụ', { kind: 'year', period: 2020, base: 2019 }),
    ],
  },
  {
    id: 't13',
    url: 'https://vietnamnet.vn/canh-bao-tiep-53-website-co-quan-nha-nuoc-bi-chen-quang-cao-khong-phu-hop-2212179.html',
    outlet: 'vietnamnet.vn',
    kind: 'cyber',
    year: 2023,
    items: [],
  },
  {
    id: 't14',
    url: 'https://thegioitiepthi.vn/ra-mat-sach-cay-ken-va-chiec-khau-trang-20220216093656598.htm',
    outlet: 'thegioitiepthi.vn',
    kind: 'cyber',
    year: 2022,
    items: [],
  },
  {
    id: 't15',
    url: 'http://baovinhphuc.com.vn/kinh-te/50015/doanh-thu-linh-vuc-buu-chinh-vien-thong-tang-10-so-voi-cung-ky.html',
    outlet: 'baovinhphuc.com.vn',
    kind: 'province',
    year: 2020,
    items: [ok('tăng 10% so với cùng kỳ năm 2019', { kind: 'year', period: 2020, base: 2019 })],
  },
  {
    id: 't16',
    url: 'https://baobackan.com.vn/thu-truong-bo-thong-tin-va-truyen-thong-bui-hoang-phuong-lam-viec-voi-so-thong-tin-va-truyen-thong-buu-dien-tinh-post61457.html',
    outlet: 'baobackan.com.vn',
    kind: 'province',
    year: 2024,
    items: [],
  },
  {
    id: 't17',
    url: 'https://baothainguyen.vn/xa-hoi/202103/thue-bao-dien-thoai-di-dong-dat-ty-le-100100-dan-3678AAB',
    outlet: 'baothainguyen.vn',
    kind: 'province',
    year: 2021,
    items: [],
  },
  {
    id: 't18',
    url: 'https://baoninhthuan.com.vn/news/141644p1c25/tin-tong-hop.htm',
    outlet: 'baoninhthuan.com.vn',
    kind: 'province',
    year: 2023,
    items: [
      ok('122 điểm phục vụ', { kind: 'sum', parts: ['61', '07', '40', '14'], total: '122' }),
      ok('1.911 trạm BTS', { kind: 'sum', parts: ['502', '718', '691'], total: '1.911' }),
    ],
  },
  {
    id: 't19',
    url: 'https://vietnamnet.vn/ty-le-tai-su-dung-du-lieu-trong-cung-cap-dich-vu-cong-truc-tuyen-con-thap-2460492.html',
    outlet: 'vietnamnet.vn',
    kind: 'ministry',
    year: 2025,
    items: [ok('so với cùng kỳ năm 2024, tỷ lệ', { kind: 'year', period: 2025, base: 2024 })],
  },
  {
    id: 't20',
    url: 'https://vietnamhoinhap.vn/vi/ha-nam-dan-dau-ve-ty-le-ho-so-truc-tuyen-toan-trinh-50847.htm',
    outlet: 'vietnamhoinhap.vn',
    kind: 'province',
    year: 2025,
    items: [ok('chiếm 68,54%', { kind: 'share', part: '115.665', whole: '168.746', stated: '68,54' })],
  },
  {
    id: 't21',
    url: 'https://vietbao.vn/diem-tin-cong-nghe-30-12-cac-doanh-nghiep-vien-thong-nop-46-000-ty-dong-vao-ngan-sach-nha-nuoc-465808.html',
    outlet: 'vietbao.vn',
    kind: 'ministry',
    year: 2023,
    items: [
      {
        anchor: '42/63 (chiếm 75%)',
        verdict: 'must',
        code: 'SHARE_MISMATCH',
        arith: { kind: 'share', part: '42', whole: '63', stated: '75' },
      },
      ok('tăng 0,41% so với cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 }),
      ok('tăng 31,9% so với cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 }),
    ],
  },
  {
    id: 't22',
    url: 'https://dientuungdung.vn/toc-do-internet-viet-nam-tang-vot-46-len-176-mbps-nam-2025-10300.html',
    outlet: 'dientuungdung.vn',
    kind: 'ministry',
    year: 2025,
    items: [
      ok('tăng 46,8%', { kind: 'change', value: '176,68', base: '120,32', stated: '46,8' }),
      ok('tăng 167,7%', { kind: 'change', value: '136,21', base: '50,88', stated: '167,7' }),
      ok('tăng 46,8% so với cùng kỳ năm 2024', { kind: 'year', period: 2025, base: 2024 }),
    ],
  },
  {
    id: 't23',
    url: 'https://vneconomy.vn/doanh-thu-nganh-vien-thong-uoc-dat-hon-70-nghin-ty-dong-trong-nua-dau-nam-2025.htm',
    outlet: 'vneconomy.vn',
    kind: 'ministry',
    year: 2025,
    items: [
      ok('tăng 46,8%', { kind: 'change', value: '176,68', base: '120,32', stated: '46,8' }),
      ok('tăng vọt 167,7%', { kind: 'change', value: '136,21', base: '50,88', stated: '167,7' }),
    ],
  },
  {
    id: 't24',
    url: 'https://vtf.vn/ty-le-nguoi-viet-thanh-toan-qua-smartphone-cao-thu-2-the-gioi/',
    outlet: 'vtf.vn',
    kind: 'ministry',
    year: 2022,
    items: [],
  },
  {
    id: 't25',
    url: 'https://thoibaotaichinhvietnam.vn/10-thang-tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-tang-93-186435.html',
    outlet: 'thoibaotaichinhvietnam.vn',
    kind: 'statistics',
    year: 2025,
    items: [ok('chiếm 76,2% tổng mức', { kind: 'share', part: '4.400,1', whole: '5.772,9', stated: '76,2' })],
  },
  {
    id: 't26',
    url: 'https://thoibaotaichinhvietnam.vn/8-thang-tong-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-dat-4579-nghin-ty-dong-182751.html',
    outlet: 'thoibaotaichinhvietnam.vn',
    kind: 'statistics',
    year: 2025,
    items: [
      ok('chiếm 76,3% tổng mức', { kind: 'share', part: '3.495,8', whole: '4.579,0', stated: '76,3' }),
      ok('chiếm 12,1% tổng mức', { kind: 'share', part: '552,4', whole: '4.579,0', stated: '12,1' }),
      ok('chiếm 1,3% tổng mức', { kind: 'share', part: '61,2', whole: '4.579,0', stated: '1,3' }),
    ],
  },
  {
    id: 't27',
    url: 'https://thoibaotaichinhvietnam.vn/thi-truong-ban-le-dich-vu-tieu-dung-tiep-tuc-khoi-sac-uoc-tang-91-trong-11-thang-188251.html',
    outlet: 'thoibaotaichinhvietnam.vn',
    kind: 'statistics',
    year: 2025,
    items: [],
  },
  {
    id: 't28',
    url: 'https://vov.vn/kinh-te/6-thang-doanh-thu-ban-le-hang-hoa-va-dich-vu-tieu-dung-dat-hon-34-trieu-ty-dong-post1212561.vov',
    outlet: 'vov.vn',
    kind: 'statistics',
    year: 2025,
    items: [],
  },
  {
    id: 't29',
    url: 'https://www.vietnamplus.vn/nguoi-viet-manh-tay-chi-tieu-giup-nganh-ban-le-tang-truong-an-tuong-post1019048.vnp',
    outlet: 'vietnamplus.vn',
    kind: 'statistics',
    year: 2025,
    items: [],
  },
  {
    id: 't30',
    url: 'https://baoquangnam.vn/tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-quy-i-2025-uoc-dat-20-587-ty-dong-3151454.html',
    outlet: 'baoquangnam.vn',
    kind: 'province',
    year: 2025,
    items: [
      ok('6.873 tỷ đồng', { kind: 'sum', parts: ['3.948', '1.585', '51', '1.289'], total: '6.873' }),
      ok('20.587 tỷ đồng (tăng', {
        kind: 'sum',
        parts: ['12.239', '4.507', '121', '3.720'],
        total: '20.587',
      }),
      ok('chiếm gần 60%', { kind: 'share', part: '12.239', whole: '20.587', stated: '~60' }),
      ok('chiếm gần 22%', { kind: 'share', part: '4.507', whole: '20.587', stated: '~22' }),
      ok('tăng 12,2% so với quý I/2024', { kind: 'year', period: 2025, base: 2024 }),
    ],
  },
  {
    id: 't31',
    url: 'https://vneconomy.vn/tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-nam-2025-can-moc-hon-7-trieu-ty-dong.htm',
    outlet: 'vneconomy.vn',
    kind: 'statistics',
    year: 2026,
    items: [],
  },
  {
    id: 't32',
    url: 'http://tapchitaichinh.vn/tag/hinh-kinh-te-xa-hoi',
    outlet: 'tapchitaichinh.vn',
    kind: 'statistics',
    year: 2023,
    items: [ok('tăng 3,7% so với cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 })],
  },
  {
    id: 't33',
    url: 'https://nguoiquansat.vn/cong-nghiep-kinh-ptag.html',
    outlet: 'nguoiquansat.vn',
    kind: 'statistics',
    year: 2024,
    items: [],
  },
  {
    id: 't34',
    url: 'https://vietbao.vn/tam-thang-chi-so-san-xuat-cong-nghiep-tang-8-6-so-voi-cung-ky-nam-ngoai-504774.html',
    outlet: 'vietbao.vn',
    kind: 'statistics',
    year: 2024,
    items: [],
  },
  {
    id: 't35',
    url: 'https://tapchitaichinh.vn/infographics-chi-so-san-xuat-cong-nghiep-trong-thang-1-tang-22-2.html',
    outlet: 'tapchitaichinh.vn',
    kind: 'statistics',
    year: 2021,
    items: [ok('so với tháng 1/2020', { kind: 'year', period: 2021, base: 2020 })],
  },
  {
    id: 't36',
    url: 'https://viet-an.vn/category/tin-tuc/',
    outlet: 'viet-an.vn',
    kind: 'statistics',
    year: 2021,
    items: [ok('tăng 5,6% so với cùng kỳ năm 2020', { kind: 'year', period: 2021, base: 2020 })],
  },
  {
    id: 't37',
    url: 'https://baobariavungtau.com.vn/kinh-te/202407/chi-so-san-xuat-cong-nghiep-tang-85-1016904/',
    outlet: 'baobariavungtau.com.vn',
    kind: 'statistics',
    year: 2024,
    items: [
      // Contributions in points add up to the 7-month rise.
      ok('tăng 8,5% so với cùng kỳ năm trước', {
        kind: 'sum',
        parts: ['8,2', '1,1', '0,1', '-0,9'],
        total: '8,5',
      }),
    ],
  },
  {
    id: 't38',
    url: 'https://hungyen.dcs.vn/4-thang-nam-2024-chi-so-san-xuat-toan-nganh-cong-nghiep-tang-6-c218492.html',
    outlet: 'hungyen.dcs.vn',
    kind: 'statistics',
    year: 2024,
    items: [ok('tăng 6% so với cùng kỳ năm 2023', { kind: 'year', period: 2024, base: 2023 })],
  },
  {
    id: 't39',
    url: 'https://kinhtedothi.vn/ha-nam-dan-dau-ca-nuoc-ve-ty-le-ho-so-truc-tuyen-toan-trinh.html',
    outlet: 'kinhtedothi.vn',
    kind: 'province',
    year: 2025,
    items: [],
  },
  {
    id: 't40',
    url: 'https://baodanang.vn/khcn/202211/da-nang-dung-thu-2-toan-quoc-ve-ty-le-ho-so-truc-tuyen-3930264/',
    outlet: 'baodanang.vn',
    kind: 'province',
    year: 2022,
    items: [],
  },
  {
    id: 't41',
    url: 'https://baomoi.com/chung-thu-chu-ky-so-ca-nhan-da-gap-hon-4-lan-chung-thu-cua-to-chuc-c52662129.epi',
    outlet: 'baomoi.com',
    kind: 'ministry',
    year: 2025,
    items: [],
  },
  {
    id: 't42',
    url: 'https://baobackan.vn/so-thong-tin-va-truyen-thong-bac-kan-trien-khai-nhiem-vu-nam-2025-post68624.html',
    outlet: 'baobackan.vn',
    kind: 'province',
    year: 2025,
    // "Tỷ lệ hồ sơ … trên tổng số hồ sơ … đạt 76,7%" names no counts: nothing to check.
    items: [ok('tăng 18% so với năm 2023', { kind: 'year', period: 2024, base: 2023 })],
  },
  {
    id: 't43',
    url: 'https://thanhhoa.dcs.vn/tinhuy/pages/2021-10-13/Ket-qua-hoat-dong-quan-ly-nha-nuoc-va-phat-trien-bq7gby58m5tlw.aspx',
    outlet: 'thanhhoa.dcs.vn',
    kind: 'province',
    year: 2021,
    items: [ok('(chiếm 96,3%)', { kind: 'share', part: '26', whole: '27', stated: '96,3' })],
  },
  {
    id: 't44',
    url: 'https://www.qdnd.vn/giao-duc-khoa-hoc/tin-tuc/bo-thong-tin-va-truyen-thong-tap-trung-phat-trien-tro-ly-ao-768211',
    outlet: 'qdnd.vn',
    kind: 'ministry',
    year: 2024,
    items: [
      // 80,1% against 75,5%: 4,6 points (the relative change would be 6,1%).
      ok('tăng 4,6% so với cùng kỳ năm 2023 (75,5%)', {
        kind: 'points',
        value: '80,1',
        base: '75,5',
        stated: '4,6',
      }),
      ok('tăng 1,2% so với cùng kỳ năm ngoái (99,5', {
        kind: 'change',
        value: '100,7',
        base: '99,5',
        stated: '1,2',
      }),
      {
        // 602.230 with 26.351 more than a year before: 26.351 / 575.879 = 4,58%, not 5,5%.
        anchor: 'tăng 5,5% so với lũy kế cùng kỳ năm trước (tương ứng 26.351 tên miền)',
        verdict: 'must',
        code: 'RATE_MISMATCH',
        arith: { kind: 'increase', value: '602.230', inc: '26.351', stated: '5,5' },
      },
      ok('giảm 1,1% so với lũy kế tính tới cuối năm 2023', {
        kind: 'increase',
        value: '602.230',
        inc: '6.699',
        stated: '1,1',
        down: true,
      }),
    ],
  },
  {
    id: 't45',
    url: 'https://ictnews.vietnamnet.vn/elon-musk-tin-tesla-se-lon-hon-ca-apple-5004070.html',
    outlet: 'ictnews.vietnamnet.vn',
    kind: 'cyber',
    year: 2022,
    items: [],
  },
  {
    id: 't46',
    url: 'https://baohatinh.vn/thiet-bi-so/viet-nam-co-hon-1-trieu-dia-chi-ip-nam-trong-mang-may-tinh-ma/208479.htm',
    outlet: 'baohatinh.vn',
    kind: 'cyber',
    year: 2021,
    // "giảm 1,05% so với tháng 12/2020": the December figure is not printed (1.052.479 is the count
    // at the start of December), so it is no item.
    items: [
      ok('giảm 8,68%', { kind: 'change', value: '917.492', base: '1.004.706', stated: '8,68', down: true }),
    ],
  },
  {
    id: 't47',
    url: 'https://ictnews.vietnamnet.vn/bao-mat/so-luong-dia-chi-ip-cua-viet-nam-nam-trong-mang-may-tinh-ma-tiep-tuc-giam-279302.html',
    outlet: 'ictnews.vietnamnet.vn',
    kind: 'cyber',
    year: 2021,
    items: [
      ok('giảm 8,68%', { kind: 'change', value: '917.492', base: '1.004.706', stated: '8,68', down: true }),
    ],
  },
  {
    id: 't48',
    url: 'https://dientuungdung.vn/ghi-nhan-492105-dia-chi-ip-cua-viet-nam-nam-trong-mang-botnet-1113.html',
    outlet: 'dientuungdung.vn',
    kind: 'cyber',
    year: 2025,
    items: [],
  },
  {
    id: 't49',
    url: 'https://ngaynay.vn/khach-quoc-te-den-viet-nam-vuot-moc-6-trieu-luot-nguoi-post145907.html',
    outlet: 'ngaynay.vn',
    kind: 'statistics',
    year: 2024,
    // "tăng 3,9% so với cùng kỳ năm 2019": a deliberate pre-pandemic base, beside "năm trước".
    items: [],
  },
  {
    id: 't50',
    url: 'https://thoibaotaichinhvietnam.vn/du-lich-soi-dong-buc-tranh-bat-dong-san-nghi-duong-dan-khoi-sac-tro-lai-110277.html',
    outlet: 'thoibaotaichinhvietnam.vn',
    kind: 'statistics',
    year: 2022,
    // "7 tháng đầu năm 2022 … gấp 10 lần so với cùng kỳ năm trước nhưng vẫn giảm 90,3% so với cùng kỳ
    // năm 2019": the second base is deliberate, not a wrong year.
    items: [],
  },
  {
    id: 't51',
    url: 'https://afamily.vn/khach-san-5-sao-e-am-chua-tung-co-gia-phong-khach-san-metropole-xuong-thap-ky-luc-chi-con-hon-1-trieu-dong-ngay-20200904154412406.chn',
    outlet: 'afamily.vn',
    kind: 'statistics',
    year: 2020,
    items: [],
  },
  {
    id: 't52',
    url: 'https://baolaocai.vn/du-lich',
    outlet: 'baolaocai.vn',
    kind: 'statistics',
    year: 2025,
    items: [],
  },
  {
    id: 't53',
    url: 'https://thanhtra.com.vn/xa-hoi/doi-song/go-bo-hang-tram-bai-viet-video-vi-pham-tren-mang-xa-hoi-218530.html',
    outlet: 'thanhtra.com.vn',
    kind: 'ministry',
    year: 2023,
    items: [
      ok('tăng 0,9% so với cùng kỳ năm 2022', {
        kind: 'change',
        value: '67.060',
        base: '66.483',
        stated: '0,9',
      }),
      ok('tăng 7,9% so với cùng kỳ năm 2022', {
        kind: 'change',
        value: '22.598',
        base: '20.942',
        stated: '7,9',
      }),
      ok('tăng 20% so với tháng 11/2022', { kind: 'year', period: 2023, base: 2022 }),
    ],
  },
  {
    id: 't54',
    url: 'https://cafef.vn/thue-bao-bang-rong-di-dong-cua-viet-nam-da-dat-ty-le-8707-thue-bao-100-dan-1882309121338376.chn',
    outlet: 'cafef.vn',
    kind: 'ministry',
    year: 2023,
    items: [ok('tăng 7,77%', { kind: 'increase', value: '101,2', inc: '7,3', stated: '7,77' })],
  },
  {
    id: 't55',
    url: 'https://cafef.vn/viet-nam-da-co-34-trieu-khach-hang-su-dung-dich-vu-mobile-money-188230329153222438.chn',
    outlet: 'cafef.vn',
    kind: 'ministry',
    year: 2023,
    items: [
      ok('tăng 8,7%', { kind: 'increase', value: '100', inc: '08', stated: '8,7' }),
      ok('chiếm gần 70%', { kind: 'share', part: '2,37', whole: '3,4', stated: '~70' }),
    ],
  },
  {
    id: 't56',
    url: 'https://vneconomy.vn/doanh-thu-thong-tin-truyen-thong-tang-12-so-voi-cung-ky.htm',
    outlet: 'vneconomy.vn',
    kind: 'ministry',
    year: 2023,
    items: [
      ok('tăng 42,2% so với tháng 11/2022 (334', {
        kind: 'change',
        value: '475',
        base: '334',
        stated: '42,2',
      }),
      ok('tăng 48,4%', { kind: 'change', value: '33,3', base: '22,4', stated: '48,4' }),
      ok('tăng 42,2% (đạt47,5', { kind: 'change', value: '47,5', base: '33,4', stated: '42,2' }),
      ok('tăng 9,3%', { kind: 'change', value: '915', base: '837', stated: '9,3' }),
      ok('giảm 4,7%', { kind: 'change', value: '456.699', base: '479.115', stated: '4,7', down: true }),
      ok('so với cùng kỳ tháng 11/2022 (837', { kind: 'year', period: 2023, base: 2022 }),
    ],
  },
  {
    id: 't57',
    url: 'https://www.sggp.org.vn/doanh-thu-toan-nganh-tt-tt-nam-2024-tang-132-post775390.html',
    outlet: 'sggp.org.vn',
    kind: 'ministry',
    year: 2024,
    items: [ok('tăng 13,2% so với năm 2023', { kind: 'year', period: 2024, base: 2023 })],
  },
  {
    id: 't58',
    url: 'https://ictvietnam.vn/doanh-thu-toan-nganh-tt-tt-nam-2024-tang-truong-13-2-68541.html',
    outlet: 'ictvietnam.vn',
    kind: 'ministry',
    year: 2024,
    items: [ok('tăng 13,2% so với năm 2023, đóng', { kind: 'year', period: 2024, base: 2023 })],
  },
  {
    id: 't59',
    url: 'https://congthuong.vn/nganh-thong-tin-va-truyen-thong-doanh-thu-hon-42-trieu-ty-dong-nam-2024-366789.html',
    outlet: 'congthuong.vn',
    kind: 'ministry',
    year: 2025,
    items: [ok('tăng 13,2% so với năm 2023', { kind: 'year', period: 2024, base: 2023 })],
  },
  {
    id: 't60',
    url: 'https://dientuungdung.vn/6-thang-dau-nam-2023-linh-vuc-buu-chinh-vien-thong-attt-tiep-tuc-tang-truong-5846.html',
    outlet: 'dientuungdung.vn',
    kind: 'ministry',
    year: 2025,
    items: [ok('giảm 8,66% so với cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 })],
  },
  {
    id: 't61',
    url: 'https://phaply.net.vn/vietcombank-chinh-thuc-lam-ngan-hang-thanh-toan-cho-he-thong-giao-dich-trai-phieu-doanh-nghiep-phat-hanh-rieng-le-a257153.html',
    outlet: 'phaply.net.vn',
    kind: 'cyber',
    year: 2023,
    // A half-year against the same half a year before and against the half just before: both right.
    items: [],
  },
  {
    id: 't62',
    url: 'https://cafef.vn/tu-dau-tuan-toi-1-7-chuyen-khoan-tren-10-trieu-dong-se-phai-xac-thuc-sinh-trac-hoc-188240629111616593.chn',
    outlet: 'cafef.vn',
    kind: 'cyber',
    year: 2024,
    items: [],
  },
  {
    id: 't63',
    url: 'https://www.24h.com.vn/cong-nghe-thong-tin/hau-qua-khon-luong-tu-viec-dang-anh-dia-chi-moi-tren-vneid-c55a1677560.html',
    outlet: '24h.com.vn',
    kind: 'cyber',
    year: 2025,
    items: [],
  },
  {
    id: 't64',
    url: 'https://baogialai.com.vn/gia-lai-cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-6-thang-dau-nam-2024-post283068.html',
    outlet: 'baogialai.com.vn',
    kind: 'statistics',
    year: 2024,
    items: [ok('tăng 8,95% so với cùng kỳ năm 2023', { kind: 'year', period: 2024, base: 2023 })],
  },
  {
    id: 't65',
    url: 'https://baoquangnam.vn/kinh-te-quang-nam-dat-muc-tang-truong-duong-cham-dut-2-nam-tang-truong-am-3137680.html',
    outlet: 'baoquangnam.vn',
    kind: 'province',
    year: 2024,
    items: [
      ok('đạt 51,8% so với nghị quyết đề ra (23.600', {
        kind: 'share',
        part: '12.221',
        whole: '23.600',
        stated: '51,8',
      }),
    ],
  },
  {
    id: 't66',
    url: 'https://baobariavungtau.com.vn/kinh-te/202306/grdp-6-thang-dau-nam-tang-241-983195/',
    outlet: 'baobariavungtau.com.vn',
    kind: 'statistics',
    year: 2023,
    items: [],
  },
  {
    id: 't67',
    url: 'https://soha.vn/ngoai-bac-giang-khanh-hoa-va-thanh-hoa-nhung-dia-phuong-nao-cung-ghi-nhan-grdp-tang-truong-2-con-so-trong-nua-dau-nam-2024-198240709153019718.htm',
    outlet: 'soha.vn',
    kind: 'statistics',
    year: 2024,
    items: [
      ok('ước đạt 26.891 tỷ đồng', {
        kind: 'sum',
        parts: ['17.443,9', '5.693,6', '2.131,3', '1.622,2'],
        total: '26.891,0',
      }),
      ok('đóng góp 81%', { kind: 'sum', parts: ['81', '15,2', '0,9', '2,9'], total: '100,0' }),
      ok('tăng 10,35% so với cùng kỳ năm 2023', { kind: 'year', period: 2024, base: 2023 }),
    ],
  },
  {
    id: 't68',
    url: 'http://www.thtg.vn/tien-giang-hop-bao-cong-bo-so-lieu-thong-ke-ve-kinh-te-xa-hoi-6-thang-dau-nam/',
    outlet: 'thtg.vn',
    kind: 'statistics',
    year: 2024,
    items: [ok('tăng 5,56%', { kind: 'sum', parts: ['1,19', '2,04', '1,99', '0,34'], total: '5,56' })],
  },
  {
    id: 't69',
    url: 'https://www.qdnd.vn/kinh-te/tin-tuc/gdp-quy-ii-nam-2024-tang-6-93-the-hien-ro-xu-huong-phuc-hoi-cua-nen-kinh-te-783233',
    outlet: 'qdnd.vn',
    kind: 'statistics',
    year: 2024,
    items: [
      ok('chiếm tỷ trọng 11,55%', {
        kind: 'sum',
        parts: ['11,55', '36,44', '43,35', '8,66'],
        total: '100,00',
      }),
      ok('11,64%', { kind: 'sum', parts: ['11,64', '36,46', '43,10', '8,80'], total: '100,00' }),
      ok('đóng góp 5,96%', { kind: 'sum', parts: ['5,96', '44,28', '49,76'], total: '100,00' }),
    ],
  },
  {
    id: 't70',
    url: 'https://mekongasean.vn/nhung-dia-phuong-tang-truong-grdp-2-chu-so-nua-dau-nam-2024-30809.html',
    outlet: 'mekongasean.vn',
    kind: 'statistics',
    year: 2024,
    items: [],
  },
  {
    id: 't71',
    url: 'https://thanhnien.vn/tai-chinh-kinh-doanh/dien-thoai-made-in-vietnam-xuat-khau-tang-gan-38-1120343.html',
    outlet: 'thanhnien.vn',
    kind: 'statistics',
    year: 2019,
    items: [],
  },
  {
    id: 't73',
    url: 'https://doanhnhanvn.vn/viet-nam',
    outlet: 'doanhnhanvn.vn',
    kind: 'statistics',
    year: 2026,
    items: [],
  },
  {
    id: 't74',
    url: 'https://thoibaotaichinhvietnam.vn/lai-suat-lien-ngan-hang-ky-han-ngan-nhich-tang-ty-gia-on-dinh-121128.html',
    outlet: 'thoibaotaichinhvietnam.vn',
    kind: 'statistics',
    year: 2023,
    items: [ok('tăng 4,89% so với cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 })],
  },
  {
    id: 't75',
    url: 'https://www.sggp.org.vn/chi-so-gia-tieu-dung-thang-1-chi-tang-052-post676981.html',
    outlet: 'sggp.org.vn',
    kind: 'statistics',
    year: 2023,
    items: [ok('tăng 4,89% so với cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 })],
  },
  {
    id: 't76',
    url: 'https://thoibaotaichinhvietnam.vn/kinh-te-quy-i-doi-dien-nhieu-thach-thuc-124687.html',
    outlet: 'thoibaotaichinhvietnam.vn',
    kind: 'statistics',
    year: 2023,
    items: [ok('bình quân cùng kỳ năm 2022', { kind: 'year', period: 2023, base: 2022 })],
  },
  {
    id: 't77',
    url: 'https://thoibaotaichinhvietnam.vn/tang-truong-gdp-trien-vong-kha-quan-trong-ca-nam-2022-102691.html',
    outlet: 'thoibaotaichinhvietnam.vn',
    kind: 'statistics',
    year: 2022,
    items: [ok('tăng 1,92% so với cùng kỳ năm 2021', { kind: 'year', period: 2022, base: 2021 })],
  },
  {
    id: 't78',
    url: 'https://viettimes.vn/lam-phat-co-ban-8-thang-dau-nam-2023-dat-457-post169576.html',
    outlet: 'viettimes.vn',
    kind: 'statistics',
    year: 2023,
    // "Bình quân 8 tháng năm 2022, CPI tăng 3,1%" repeats the 2023 figure under the wrong year (the
    // last paragraph gives it for 2023): a slip no comparison arithmetic can show; not an item.
    items: [],
  },
  {
    id: 't79',
    url: 'https://thanhnien.vn/tai-chinh-kinh-doanh/so-doanh-nghiep-roi-thi-truong-cao-gap-doi-so-thanh-lap-moi-1348549.html',
    outlet: 'thanhnien.vn',
    kind: 'statistics',
    year: 2021,
    items: [],
  },
  {
    id: 't80',
    url: 'https://vneconomy.vn/tiep-da-phuc-hoi-doanh-nghiep-thanh-lap-moi-thang-11-bat-tang-gan-50.htm',
    outlet: 'vneconomy.vn',
    kind: 'statistics',
    year: 2021,
    items: [ok('so với cùng kỳ năm 2020 vẫn giảm', { kind: 'year', period: 2021, base: 2020 })],
  },
  {
    id: 't81',
    url: 'https://mic.gov.vn (báo cáo chuyên đề chữ ký số năm 2023, 24/04/2024; page stored without its address)',
    outlet: 'mic.gov.vn',
    kind: 'ministry',
    year: 2024,
    items: [],
  },
  {
    id: 't82',
    url: 'https://cafef.vn/tan-cong-mang-tai-viet-nam-giam-4-nam-lien-tiep-188250214065430184.chn',
    outlet: 'cafef.vn',
    kind: 'cyber',
    year: 2025,
    items: [],
  },
  {
    id: 't83',
    url: 'https://vietbao.vn/kaspersky-cu-5-nguoi-viet-nam-thi-co-1-nguoi-tung-doi-dien-voi-moi-de-doa-an-ninh-mang-506499.html',
    outlet: 'vietbao.vn',
    kind: 'cyber',
    year: 2024,
    items: [],
  },
  {
    id: 't84',
    url: 'https://nld.com.vn/bat-ngo-voi-con-so-thong-tin-tai-khoan-ca-nhan-bi-phoi-bay-tren-mang-nam-2024-196250317175853184.htm',
    outlet: 'nld.com.vn',
    kind: 'cyber',
    year: 2025,
    items: [],
  },
  {
    id: 't85',
    url: 'https://vietbao.vn/doanh-nghiep-can-tang-suc-de-khang-tren-khong-gian-mang-498673.html',
    outlet: 'vietbao.vn',
    kind: 'cyber',
    year: 2024,
    // "năm 2023 là 66%, nhưng … nửa đầu năm 2024 … đã tăng lên 59%": odd wording across unlike periods
    // (a year against a half-year), not a comparison with a base; not an item.
    items: [],
  },
];
