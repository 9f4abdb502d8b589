// The real-prose set's cyber texts (see annotation-types.ts for what an item is).
import { type Annotated, ok } from './annotation-types.ts';

export const CYBER: Annotated[] = [
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
