// The eighth blind batches (t194–…), gathered on 3 December 2026 on a fresh machine: each text was
// saved and run through the checker (`npm run bench:check` prints the findings of texts not yet
// annotated) before it was annotated here with arith.ts. See docs/CHECKER.md for the blind results.
import { type Annotated, ok } from './annotation-types.ts';
import { as, m } from './blind-builders.ts';

const year = (anchor: string, period: number, base: number) => ok(anchor, { kind: 'year', period, base });

export const BLIND_3: Annotated[] = [
  // Batch A (t194–t196): 0 findings.
  as(
    'province',
    m(
      't194',
      'http://m.baothainguyen.vn/tin-tuc/kinh-te/tong-muc-ban-le-hang-hoa-va-doanh-thu-dich-vu-tieu-dung-xa-hoi-tang-so-voi-cung-ky-263045-108.html',
      2019,
      [
        // Shares by industry add up to the whole (tourism is inside the last group).
        ok('chiếm tỷ trọng 80,5%', { kind: 'sum', parts: ['80,5', '9,1', '10,4'], total: '100' }),
        // 6,7 tỷ of "khoảng 9 nghìn tỷ" (the paragraph before).
        ok('chiếm 0,07% tổng mức', { kind: 'share', part: '6,7', whole: '~9.000', stated: '0,07' }),
      ],
    ),
  ),
  m(
    't195',
    'https://vietnamnet.vn/doanh-thu-toan-nganh-tt-tt-dat-khoang-1-14-trieu-ty-dong-trong-4-thang-2141239.html',
    2023,
  ),
  as(
    'statistics',
    m('t196', 'https://chuyendoiso.mpi.gov.vn/Pages/tinbaitonghop.aspx?idTin=56560&idcm=521', 2022),
  ),
  // Batch B (t197–t205): 0 findings.
  as(
    'cyber',
    m(
      't197',
      'https://vietbao.vn/diem-tin-cong-nghe-2-2-can-trong-voi-ung-dung-chatgpt-gia-mao-tren-dien-thoai-408915.html',
      2023,
    ),
  ),
  as(
    'cyber',
    m(
      't198',
      'https://ninhthuan.dcs.vn/vptu/1307/31798/55131/288049/An-Toan-Thong-tin/512-712-dia-chi-IP-nam-trong-mang-Bonet--gan-700-cuoc-tan-cong-mang-tai-Viet-Nam-trong-thang-5-2023.aspx',
      2023,
      [ok('có 160 địa chỉ IP', { kind: 'sum', parts: ['13', '147'], total: '160' })],
    ),
  ),
  as(
    'cyber',
    m(
      't199',
      'https://ngaynay.vn/be-boi-4-mua-tren-cao-dac-quyen-thuong-luu-nhu-khach-san-cua-gioi-nha-giau-bac-giang-post136751.html',
      2023,
    ),
  ),
  as(
    'province',
    m(
      't200',
      'https://sotttt.angiang.gov.vn/nganh-thong-tin-va-truyen-thong-tong-ket-cong-tac-nam-2022',
      2022,
      [year('tăng 12,7% so với năm 2021', 2022, 2021)],
    ),
  ),
  m(
    't201',
    'https://vietbao.vn/nam-2023-se-la-nam-ve-du-lieu-nham-thuc-day-qua-trinh-chuyen-doi-so-402052.html',
    2022,
    [year('tăng 12,7% so với năm 2021', 2022, 2021), year('tăng 5% so với năm 2021', 2022, 2021)],
  ),
  m(
    't202',
    'https://www.24h.com.vn/cong-nghe-thong-tin/tai-sao-tan-cong-mang-tai-viet-nam-tang-hon-10-trong-thang-1-2022-c55a1331852.html',
    2022,
    [year('tăng 3% so với cùng kỳ 2021', 2022, 2021)],
  ),
  m(
    't203',
    'https://danviet.vn/bo-truong-nguyen-manh-hung-hay-thoi-khat-vong-hoa-rong-hoa-ho-vao-moi-con-nguoi-viet-nam-20221218101012627.htm',
    2022,
    [year('tăng 12,7% so với năm 2021', 2022, 2021), year('tăng 5% so với năm 2021', 2022, 2021)],
  ),
  // "2.152/2.418 điểm lõm sóng" has no share of its own: the 99,73% after it is of all villages.
  m(
    't204',
    'https://kienthuc.net.vn/xa-hoi/bo-thong-tin-va-truyen-thong-don-nhan-huan-chuong-lao-dong-hang-nhat-1787282.html',
    2022,
    [year('tăng 12,7% so năm 2021', 2022, 2021), year('tăng 9,5% so với năm 2021', 2022, 2021)],
  ),
  as(
    'statistics',
    m(
      't205',
      'http://phapluatkinhtequocte.vn/cpi-8-thang-tang-31-so-voi-cung-ky-nam-2022-n36292.html',
      2023,
      [
        year('CPI tăng 3,1% so với cùng kỳ năm 2022', 2023, 2022),
        year('tăng 4,02% so với cùng kỳ năm 2022', 2023, 2022),
        year('tăng 4,57% so với cùng kỳ năm 2022', 2023, 2022),
      ],
    ),
  ),
  // Batch C (t206–t211): 0 findings.
  as(
    'statistics',
    m(
      't206',
      'https://thanhnien.vn/tai-chinh-kinh-doanh/hon-7000-doanh-nghiep-bat-dong-san-duoc-mo-moi-1376421.html',
      2021,
      [
        year('tăng 17,5% so với cùng kỳ năm 2020', 2021, 2020),
        // Shares of the 19.256 firms back in business (the sentence before).
        ok('có 276 đơn vị, chiếm 1,4%', {
          kind: 'share',
          part: '276',
          whole: '19.256',
          stated: '1,4',
          counts: true,
        }),
        ok('có 597 công ty, chiếm 3,1%', {
          kind: 'share',
          part: '597',
          whole: '19.256',
          stated: '3,1',
          counts: true,
        }),
      ],
    ),
  ),
  as(
    'statistics',
    m('t207', 'https://vneconomy.vn/doanh-nghiep-thanh-lap-moi-thang-1-2024-tang-manh.htm', 2024, [
      year('tăng 24,8% so với cùng kỳ năm 2023', 2024, 2023),
      ok('chiếm 91,8%', { kind: 'share', part: '12.432', whole: '13.536', stated: '91,8', counts: true }),
      ok('chiếm 75,2% tổng số', {
        kind: 'share',
        part: '10.177',
        whole: '13.536',
        stated: '75,2',
        counts: true,
      }),
      ok('chiếm 23,7% tổng số', {
        kind: 'share',
        part: '3.208',
        whole: '13.536',
        stated: '23,7',
        counts: true,
      }),
      ok('chiếm 1,1% tổng số', { kind: 'share', part: '151', whole: '13.536', stated: '1,1', counts: true }),
      ok('13.536 doanh nghiệp', { kind: 'sum', parts: ['10.177', '3.208', '151'], total: '13.536' }),
    ]),
  ),
  as(
    'statistics',
    m(
      't208',
      'https://www.vietnamplus.vn/thang-bay-16500-doanh-nghiep-dang-ky-moi-bo-sung-nguon-luc-cho-nen-kinh-te-post1054009.vnp',
      2025,
    ),
  ),
  as(
    'statistics',
    m(
      't209',
      'https://plo.vn/kinh-te/du-lich/thang-2-lap-ky-luc-khach-quoc-te-den-viet-nam-819550.html',
      2019,
      [ok('chiếm 75,2% tổng số khách', { kind: 'share', part: '2,323', whole: '3,09', stated: '75,2' })],
    ),
  ),
  as(
    'statistics',
    m(
      't210',
      'https://plo.vn/kinh-te/du-lich/khach-quoc-te-den-du-lich-viet-nam-dat-muc-ky-luc-844348.html',
      2019,
    ),
  ),
  as(
    'statistics',
    m('t211', 'https://thanhnien.vn/manh-me-mo-cua-bau-troi-185250704204631246.htm', 2025, [
      year('tăng 29% so với cùng kỳ năm 2024', 2025, 2024),
    ]),
  ),
  // Batch D (t212–t214): 0 findings.
  m(
    't212',
    'https://lite.baomoi.com/8-co-quan-dia-phuong-co-ty-le-ho-so-truc-tuyen-toan-trinh-tren-50-c51295664.epi',
    2025,
  ),
  // Parts of spending "trong đó" are not the whole, so they are no sum.
  as(
    'statistics',
    m(
      't213',
      'https://baobariavungtau.com.vn/kinh-te/202311/thu-ngan-sach-gan-78-ngan-ty-dong-994695/',
      2023,
    ),
  ),
  as(
    'statistics',
    m(
      't214',
      'https://soha.vn/my-la-thi-truong-dan-dau-nhap-khau-dien-thoai-made-in-vietnam-20220727135905755.htm',
      2022,
      [
        ok('tăng 25 lần so với con số 2,3 tỷ USD', {
          kind: 'times',
          value: '57,54',
          base: '2,3',
          stated: '25',
        }),
      ],
    ),
  ),
  // Batch E (t215–t217): 0 findings.
  m('t215', 'https://vneconomy.vn/toc-do-mang-bang-rong-co-dinh-tang-thang-thu-sau-lien-tiep.htm', 2025),
  m('t216', 'https://vneconomy.vn/nha-mang-nao-dang-dan-dau-toc-do-mang-di-dong-5g.htm', 2026, [
    ok('nhanh hơn 52% so tốc độ', { kind: 'change', value: '594,81', base: '391,05', stated: '52' }),
    // 123,71 / 95,47 is 29,58%: the rate is cut, not rounded, and only its last digit shows it.
    {
      anchor: 'nhanh hơn 29,5% so với tốc độ 95,47 Mbps',
      verdict: 'should',
      code: 'RATE_MISMATCH',
      arith: { kind: 'change', value: '123,71', base: '95,47', stated: '29,5' },
    },
    ok('cải thiện 53,2% so với tốc độ 402,61', {
      kind: 'change',
      value: '616,99',
      base: '402,61',
      stated: '53,2',
    }),
  ]),
  m('t217', 'https://vietbao.vn/toc-do-mang-di-dong-cua-viet-nam-dung-top-20-the-gioi-558857.html', 2025),
  // Batch F (t218–t219): 0 findings.
  as(
    'statistics',
    m(
      't218',
      'https://vccinews.vn/news/46219/du-lich-phuc-hoi-manh-nganh-dich-vu-dong-gop-nhieu-cho-tang-truong-quy-i-2023.html',
      2023,
    ),
  ),
  as(
    'statistics',
    m('t219', 'https://thuvienbinhthuan.com.vn/gdp-quy-i-tang-448-vuot-quy-i-2020.html', 2021, [
      ok('đóng góp 8,34%', { kind: 'sum', parts: ['8,34', '55,96', '35,70'], total: '100' }),
    ]),
  ),
  // Batch G (t220–t222): 0 findings. In t220 the half-year's own year is only in its plan
  // ("kế hoạch năm 2023"), so its "cùng kỳ năm 2022" is no item.
  m(
    't220',
    'https://baotintuc.vn/xa-hoi/tap-trung-hoan-thanh-quy-hoach-ha-tang-so-trong-nam-2023-20230630154155781.htm',
    2023,
  ),
  m(
    't221',
    'https://vneconomy.vn/doanh-thu-cong-nghiep-ict-10-thang-dat-113-8-ty-usd-chi-tang-1-so-cung-ky.htm',
    2023,
    [
      year('tăng 1% so với cùng kỳ năm 2022', 2023, 2022),
      year('tăng 0,6% so với cùng kỳ năm 2022', 2023, 2022),
    ],
  ),
  as(
    'statistics',
    m(
      't222',
      'https://thoibaotaichinhvietnam.vn/kich-cau-suc-mua-dong-gop-manh-hon-cho-muc-tieu-tang-truong-179813.html',
      2025,
    ),
  ),
  // Batch H (t223–t225): 0 findings.
  m(
    't223',
    'https://baogialai.com.vn/channel/12385/202212/bo-truong-bo-tt-tt-nam-2023-se-la-nam-du-lieu-so-viet-nam--5798616/',
    2022,
    [year('tăng 12,7% so với năm 2021', 2022, 2021), year('tăng 5% so với năm 2021', 2022, 2021)],
  ),
  as(
    'statistics',
    m(
      't224',
      'https://www.vietnamplus.vn/chi-so-san-xuat-toan-nganh-cong-nghiep-tang-85-trong-8-thang-cua-nam-2025-post1061068.vnp',
      2025,
      [year('tăng 8,5% so với cùng kỳ năm 2024', 2025, 2024)],
    ),
  ),
  as(
    'statistics',
    m(
      't225',
      'https://thanhnien.vn/tai-chinh-kinh-doanh/chi-so-san-xuat-tai-tphcm-lao-doc-gan-50-1445252.html',
      2021,
    ),
  ),
  // Batch I (t227–t236): 0 findings.
  m('t227', 'https://dientuungdung.vn/chuyen-doi-so-va-cong-nghiep-40-tao-dot-pha-10275.html', 2025, [
    year('tăng 16% so với cùng kỳ năm 2024', 2025, 2024),
  ]),
  m(
    't228',
    'https://vnexpress.net/nganh-khoa-hoc-va-cong-nghe-thu-gan-500-000-ty-dong-thang-1-5013547.html',
    2026,
    [year('tăng 25% so với 2024', 2025, 2024)],
  ),
  m(
    't229',
    'https://viettimes.vn/mot-loat-linh-vuc-tang-truong-2-con-so-nganh-khoa-hoc-va-cong-nghe-dat-doanh-thu-24-trieu-ty-dong-post187545.html',
    2025,
    [
      year('tăng 16% so với cùng kỳ năm 2024', 2025, 2024),
      year('tăng gần 21% so với cùng kỳ năm 2024', 2025, 2024),
    ],
  ),
  m(
    't230',
    'https://vneconomy.vn/nganh-khoa-hoc-cong-nghe-uoc-dat-54-trieu-ty-dong-doanh-thu-nam-2025.htm',
    2025,
    [year('tăng 25% so với cùng kỳ năm 2024', 2025, 2024)],
  ),
  as(
    'province',
    m(
      't231',
      'https://thanhnien.vn/tinh-quang-nam-nhan-trach-nhiem-ve-viec-cham-tre-dau-thau-thuoc-vat-tu-y-te-185230717193851548.htm',
      2023,
    ),
  ),
  as(
    'province',
    m(
      't232',
      'https://thitruonghanghoa.com/tin-tuc/bat-chap-dich-benh-kinh-te-quang-nam-tang-truong-manh-170511.html',
      2021,
    ),
  ),
  as(
    'province',
    m(
      't233',
      'https://nhadautu.vn/cham-dut-da-tang-truong-am-kinh-te-quang-nam-khoi-sac-tro-lai-d87184.html',
      2024,
    ),
  ),
  // The parts of the 3,5 nghìn tỷ expansion are hedged ("hơn", "gần"): no item.
  as(
    'statistics',
    m(
      't235',
      'https://qrt.vn/kinh-te/quang-nam-cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-6-thang-dau-nam-2024/',
      2024,
    ),
  ),
  as(
    'statistics',
    m(
      't236',
      'https://thanhnien.vn/tai-chinh-kinh-doanh/may-tinh-dien-thoai-made-in-vietnam-xuat-khau-thu-ve-gan-35-ti-usd-1377691.html',
      2021,
      [
        ok('đạt 103,9 tỉ USD', { kind: 'sum', parts: ['25,76', '78,14'], total: '103,9' }),
        ok('thu về được gần 35 tỉ USD', { kind: 'sum', parts: ['18,4', '15,9'], total: '~35' }),
      ],
    ),
  ),
];
