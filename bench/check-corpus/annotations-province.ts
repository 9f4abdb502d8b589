// The real-prose set's province texts (see annotation-types.ts for what an item is).
import { type Annotated, ok } from './annotation-types.ts';

export const PROVINCE: Annotated[] = [
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
    // Restored (3 December 2026) from the same article's stored mobile copy:
    // http://m.baothainguyen.vn/tin-tuc/xa-hoi/thue-bao-dien-thoai-di-dong-dat-ty-le-100100-dan-281794-85.html
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
    id: 't20',
    url: 'https://vietnamhoinhap.vn/vi/ha-nam-dan-dau-ve-ty-le-ho-so-truc-tuyen-toan-trinh-50847.htm',
    outlet: 'vietnamhoinhap.vn',
    kind: 'province',
    year: 2025,
    items: [ok('chiếm 68,54%', { kind: 'share', part: '115.665', whole: '168.746', stated: '68,54' })],
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
];
