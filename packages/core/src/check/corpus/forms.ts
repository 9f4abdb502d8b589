/**
 * Hand-written cases for the forms that misled the checker, each with invented figures: honest ones
 * that must stay silent (a period must not leak from a sentence the checker did not understand),
 * and slips that must be caught. Written for these tests; no sentence is copied from a publication.
 */
import type { CorpusCase } from './cases.ts';

const honest = (form: string, ...texts: string[]): CorpusCase[] =>
  texts.map((text) => ({ text, expect: [], form }));
const slip = (form: string, text: string, ...expect: CorpusCase['expect']): CorpusCase => ({
  text,
  expect,
  form,
});

export const FORM_CASES: CorpusCase[] = [
  // 1. A period must not leak from a sentence the checker did not understand.
  ...honest(
    'period leak: comparison without "so với"',
    'Tháng 5/2024, số thuê bao di động tăng 6,2% cùng kỳ năm 2022. Doanh thu viễn thông tháng 5/2024 đạt 28.450 tỷ đồng, tăng 7,1% so với cùng kỳ năm 2023 (26.564 tỷ đồng).',
    'Quý I/2025, chỉ số an toàn thông tin tăng 12 bậc so với cùng kỳ năm 2024. Nộp ngân sách quý I/2025 đạt 18.240 tỷ đồng, tăng 9,5% so với cùng kỳ năm 2024 (16.658 tỷ đồng).',
    'Năm 2024, doanh thu dịch vụ số tăng trên 40% so với năm 2021. Số doanh nghiệp công nghệ số năm 2024 là 73.400 doanh nghiệp, tăng 4,2% so với năm 2023 (70.441 doanh nghiệp).',
  ),
  ...honest(
    'period leak: absolute change with the rate in brackets',
    'Tháng 9/2024, thuê bao băng rộng di động tăng 3,2 triệu thuê bao (4,1%) so với tháng 9/2022. Sản lượng bưu gửi tháng 9/2024 đạt 256,4 triệu bưu gửi, tăng 18,3% so với cùng kỳ năm 2023 (216,7 triệu bưu gửi).',
  ),
  ...honest(
    'period leak: bracket between rate and base',
    'Doanh thu quảng cáo trực tuyến tăng 15% (đạt 52,5 tỷ đồng) so với tháng 11/2022. Trong tháng 11/2024, doanh thu bưu chính đạt 4.215 tỷ đồng, tăng 11,2% so với cùng kỳ năm 2023 (3.790 tỷ đồng).',
  ),
  ...honest(
    'period leak: hyphenated dates',
    'Quý I-2024, doanh thu công nghiệp ICT đạt 812.300 tỷ đồng, tăng 21,4% so với cùng kỳ năm 2023 (669.110 tỷ đồng).',
    'Tháng 2-2024, số vụ tấn công mạng là 1.124 vụ, giảm 12,6% so với cùng kỳ năm 2023 (1.286 vụ).',
  ),
  ...honest(
    'period leak: a forward-looking heading',
    'Tháng 3/2024, doanh thu viễn thông đạt 27.910 tỷ đồng, tăng 5,3% so với cùng kỳ năm 2023 (26.505 tỷ đồng).\nNhiệm vụ trọng tâm quý 2/2024\n- Phấn đấu doanh thu quý 2/2024 tăng 8% so với cùng kỳ năm 2023.',
    'NHIỆM VỤ TRỌNG TÂM THÁNG 9/2025\nTháng 8/2025, số tên miền .vn đạt 661.820 tên miền, tăng 3,4% so với cùng kỳ năm 2024 (640.058 tên miền).',
  ),
  ...honest(
    'reporting period from the title',
    'BÁO CÁO TÌNH HÌNH THÁNG 10/2024\nSố chứng thư số công cộng đang hoạt động là 2.745.120 chứng thư, tăng 14,8% so với cùng kỳ năm 2023 (2.391.220 chứng thư).',
    'Tình hình ngành 6 tháng đầu năm 2025\nDoanh thu toàn ngành ước đạt 1.968.400 tỷ đồng, tăng 12,9% so với cùng kỳ năm 2024 (1.743.490 tỷ đồng). Lợi nhuận tăng 10,4% so với cùng kỳ năm 2024.',
  ),
  // The year of a statement is judged only when its own sentence says its period: a title is no
  // ground to speak on (it may belong to another source stitched into the text).
  ...honest(
    'period from the title only: comparison year not judged',
    'BÁO CÁO TÌNH HÌNH THÁNG 10/2024\nSố chứng thư số đang hoạt động là 2.745.120 chứng thư, tăng 14,8% so với cùng kỳ năm 2022 (2.391.220 chứng thư).',
  ),
  slip(
    'period in the sentence: wrong comparison year',
    'BÁO CÁO TÌNH HÌNH THÁNG 10/2024\nĐến tháng 10/2024, số chứng thư số đang hoạt động là 2.745.120 chứng thư, tăng 14,8% so với cùng kỳ năm 2022 (2.391.220 chứng thư).',
    { code: 'WRONG_COMPARISON_YEAR', quote: 'cùng kỳ năm 2022' },
  ),
  // 2. Decimals before a % sign, "/100 dân", English thousands.
  ...honest(
    'percent of percent: percentage points',
    'Tỷ lệ hộ gia đình có cáp quang năm 2024 đạt 80,1%, tăng 4,6 điểm phần trăm so với năm 2023 (75,5%).',
    'Tỷ lệ dân số trưởng thành có danh tính số năm 2024 đạt 80,1%, tăng 4,6% so với năm 2023 (75,5%).',
    'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử tháng 6/2025 đạt 96,2%, tăng 6,1% so với cùng kỳ năm 2024 (90,7%).',
  ),
  slip(
    'percent of percent: neither reading fits',
    'Tỷ lệ hộ gia đình có cáp quang năm 2024 đạt 80,1%, tăng 9,6% so với năm 2023 (75,5%).',
    { code: 'RATE_MISMATCH', quote: '9,6%' },
  ),
  ...honest(
    'per 100 inhabitants',
    'Năm 2024, số thuê bao băng rộng cố định đạt 23,8 thuê bao/100 dân, tăng 7,7% so với năm 2023 (22,1 thuê bao/100 dân).',
  ),
  // Read (the rate is right) and reported as typography, both figures.
  slip(
    'English thousands separators',
    'Năm 2024, số thuê bao di động đạt 127,134,800 thuê bao, tăng 2,8% so với năm 2023 (123,672,300 thuê bao).',
    { code: 'ENGLISH_SEPARATOR', quote: '127,134,800' },
    { code: 'ENGLISH_SEPARATOR', quote: '123,672,300' },
  ),
  // 3. Forms that were not read: slips in them must be caught; honest ones stay silent.
  slip(
    'doubled "so với"',
    'Năm 2024, nộp ngân sách nhà nước đạt 96.120 tỷ đồng, đạt 112,4% so với so với kế hoạch năm (93.814 tỷ đồng).',
    { code: 'SHARE_MISMATCH', quote: '112,4%' },
    { code: 'REPEATED_WORDS', quote: 'so với so với' },
  ),
  slip(
    'doubled "so với" (arithmetic right)',
    'Năm 2024, nộp ngân sách nhà nước đạt 96.120 tỷ đồng, đạt 102,5% so với so với kế hoạch năm (93.814 tỷ đồng).',
    { code: 'REPEATED_WORDS', quote: 'so với so với' },
  ),
  slip(
    'same period without "năm"',
    'Quý 3/2024, lợi nhuận bưu chính đạt 52 tỷ đồng, tăng 28% so với cùng kỳ 2023 (44 tỷ đồng).',
    { code: 'RATE_MISMATCH', quote: '28%' },
  ),
  ...honest(
    'same period without "năm" (honest)',
    'Quý 3/2024, lợi nhuận bưu chính đạt 52 tỷ đồng, tăng 18,2% so với cùng kỳ 2023 (44 tỷ đồng).',
  ),
  slip(
    '"cùng kỳ năm ngoái"',
    'Tháng 7/2025, sản lượng bưu gửi đạt 112,4 triệu bưu gửi, tăng 21% so với cùng kỳ năm ngoái (99,5 triệu bưu gửi).',
    { code: 'RATE_MISMATCH', quote: '21%' },
  ),
  ...honest(
    '"cùng kỳ năm ngoái" (honest)',
    'Tháng 7/2025, sản lượng bưu gửi đạt 112,4 triệu bưu gửi, tăng 13% so với cùng kỳ năm ngoái (99,5 triệu bưu gửi).',
  ),
  slip(
    'hedged base ("khoảng")',
    'Năm 2024, doanh thu dịch vụ trung tâm dữ liệu đạt 310 tỷ đồng, tăng 55% so với năm 2023 (khoảng 230 tỷ đồng).',
    { code: 'RATE_MISMATCH', quote: '55%' },
  ),
  ...honest(
    'hedged base (honest)',
    'Năm 2024, doanh thu dịch vụ trung tâm dữ liệu đạt 310 tỷ đồng, tăng 35% so với năm 2023 (khoảng 230 tỷ đồng).',
  ),
  slip(
    'base named with "mức" before "cùng kỳ"',
    'Tháng 12/2024, tốc độ băng rộng di động trung bình đạt 138,51 Mbps, tăng 25,3% so với mức 120,32 Mbps cùng kỳ.',
    { code: 'RATE_MISMATCH', quote: '25,3%' },
  ),
  ...honest(
    'base named with "mức" (honest)',
    'Tháng 12/2024, tốc độ băng rộng di động trung bình đạt 138,51 Mbps, tăng 15,1% so với mức 120,32 Mbps cùng kỳ.',
  ),
  slip(
    'an increase instead of a base',
    'Đến hết quý 2/2025, số tên miền .vn đạt 505.460 tên miền, tăng 9,5% (tương ứng 26.351 tên miền) so với cùng kỳ năm 2024.',
    { code: 'RATE_MISMATCH', quote: '9,5%' },
  ),
  ...honest(
    'an increase instead of a base (honest)',
    'Đến hết quý 2/2025, số tên miền .vn đạt 505.460 tên miền, tăng 5,5% (tương ứng 26.351 tên miền) so với cùng kỳ năm 2024.',
  ),
  slip(
    'the subject in the previous sentence',
    'Tháng 4/2025, hệ thống ghi nhận 842 vụ tấn công mạng. Con số này giảm 19,3% so với cùng kỳ năm 2024 (929 vụ).',
    { code: 'RATE_MISMATCH', quote: '19,3%' },
  ),
  ...honest(
    'the subject in the previous sentence (honest)',
    'Tháng 4/2025, hệ thống ghi nhận 842 vụ tấn công mạng. Con số này giảm 9,4% so với cùng kỳ năm 2024 (929 vụ).',
  ),
  // The seeds' own forms, with other numbers.
  slip(
    'ratio ("bằng … %")',
    'Quý 2/2025, số doanh nghiệp thành lập mới là 1.874 doanh nghiệp, bằng 121,8% so với cùng kỳ năm 2024 (1.722 doanh nghiệp).',
    { code: 'RATE_MISMATCH', quote: '121,8%' },
  ),
  ...honest(
    'ratio (honest)',
    'Quý 2/2025, số doanh nghiệp thành lập mới là 1.874 doanh nghiệp, bằng 108,8% so với cùng kỳ năm 2024 (1.722 doanh nghiệp).',
  ),
  slip(
    'multiple ("gấp … lần")',
    'Năm 2024, số giao dịch xác thực điện tử đạt 1.260 triệu giao dịch, tăng gấp 3,1 lần so với năm 2023 (520 triệu giao dịch).',
    { code: 'RATE_MISMATCH', quote: '3,1 lần' },
  ),
  ...honest(
    'multiple (honest)',
    'Năm 2024, số giao dịch xác thực điện tử đạt 1.260 triệu giao dịch, tăng gấp 2,4 lần so với năm 2023 (520 triệu giao dịch).',
  ),
  // 4. Typography: reported as information, never as errors.
  slip('malformed period label', 'Doanh thu tăng 8% so với cùng kỳ tháng năm 2023.', {
    code: 'MALFORMED_PERIOD',
    quote: 'tháng năm 2023',
  }),
  slip('doubled percent sign', 'Tỷ lệ hoàn thành đạt 95%% kế hoạch.', {
    code: 'DOUBLED_SYMBOL',
    quote: '%%',
  }),
  slip('missing space', 'Tỷ lệ thuê bao 5G đạt47,5% tổng thuê bao.', {
    code: 'MISSING_SPACE',
    quote: 'đạt47,5',
  }),
  slip(
    'English separator beside Vietnamese ones',
    'Số thuê bao di động là 105,130,507 thuê bao; số thuê bao cố định là 24.427.227 thuê bao.',
    { code: 'ENGLISH_SEPARATOR', quote: '105,130,507' },
  ),
  slip(
    'decimal comma off by a thousand',
    'Doanh thu quý 1/2025 đạt 70,422 tỷ đồng.\nBảng 1. Doanh thu quý 1/2025: 70.422 tỷ đồng.',
    { code: 'THOUSANDS_AS_DECIMAL', quote: '70,422' },
  ),
  slip(
    'impossible magnitude',
    'Tháng 6/2025, số địa chỉ IPv4 bị khai thác trong mạng botnet là 5.120.400.000 địa chỉ.',
    { code: 'IMPOSSIBLE_VALUE', quote: '5.120.400.000' },
  ),
  slip(
    'a figure with no unit',
    'Quý 1/2025, doanh thu dịch vụ điện toán đám mây đạt 1.245, tăng 18,2% so với cùng kỳ năm 2024 (1.053).',
    { code: 'MISSING_UNIT', quote: '1.245' },
  ),
  slip('repeated words', 'Doanh thu tăng 8% so với so với cùng kỳ.', {
    code: 'REPEATED_WORDS',
    quote: 'so với so với',
  }),
  slip(
    'a truncation where the same text rounds elsewhere',
    'Quý 1/2025, doanh thu dịch vụ dữ liệu đạt 1.234 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2024 (997 tỷ đồng). Lợi nhuận đạt 3.457 tỷ đồng, tăng 15,6% so với cùng kỳ năm 2024 (2.991 tỷ đồng).',
    { code: 'RATE_MISMATCH', quote: '23,7%' },
  ),
  ...honest(
    'truncation everywhere: a convention, not a slip',
    'Quý 1/2025, doanh thu dịch vụ dữ liệu đạt 1.234 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2024 (997 tỷ đồng). Lợi nhuận đạt 3.457 tỷ đồng, tăng 15,5% so với cùng kỳ năm 2024 (2.991 tỷ đồng).',
  ),
  slip(
    'a share of a total given in brackets',
    'Năm 2024, doanh thu dịch vụ số đạt 850 tỷ đồng, chiếm 78% tổng doanh thu của doanh nghiệp (1.250 tỷ đồng).',
    { code: 'RATE_MISMATCH', quote: '78%' },
  ),
  ...honest(
    'a share of a total (honest, and without the total: not checked)',
    'Năm 2024, doanh thu dịch vụ số đạt 850 tỷ đồng, chiếm 68% tổng doanh thu của doanh nghiệp (1.250 tỷ đồng).',
    'Số doanh nghiệp công nghệ số đạt 74.112 doanh nghiệp, đạt 66,5% tổng số doanh nghiệp (111.450 doanh nghiệp).',
    'Doanh thu dịch vụ số chiếm 68% tổng doanh thu.',
  ),
  // Whole briefings, as officers write them: several paragraphs, mixed forms, all honest.
  ...honest(
    'briefing: several paragraphs, mixed forms',
    [
      'BÁO CÁO NHANH TÌNH HÌNH THÁNG 5/2025',
      'I. KẾT QUẢ NỔI BẬT',
      '1. Viễn thông: Doanh thu dịch vụ viễn thông tháng 5/2025 ước đạt 29.814 tỷ đồng, tăng 6,3% so với cùng kỳ năm 2024 (28.047 tỷ đồng). Lũy kế 5 tháng đầu năm 2025 đạt 146.220 tỷ đồng, đạt 41,2% so với kế hoạch năm (354.903 tỷ đồng).',
      '2. Bưu chính: Sản lượng bưu gửi tăng 19,5% so với tháng 4/2025; doanh thu bưu chính chiếm 68% tổng doanh thu dịch vụ bưu chính, chuyển phát.',
      '3. An toàn thông tin: Trong tháng, hệ thống ghi nhận 512 vụ tấn công mạng, giảm 21,1% so với tháng trước (649 vụ). Con số này giảm 7,9% so với cùng kỳ năm 2024 (556 vụ).',
      'II. NHIỆM VỤ TRỌNG TÂM THÁNG 6/2025',
      '- Phấn đấu doanh thu quý 2/2025 tăng 7% so với cùng kỳ năm 2024; hoàn thành 100% chỉ tiêu giải ngân.',
    ].join('\n'),
    [
      'Tình hình kinh tế số quý III/2024',
      'Tỷ trọng kinh tế số trong GDP quý III/2024 ước đạt 18,3%, tăng 1,2 điểm phần trăm so với cùng kỳ năm 2023 (17,1%). Số doanh nghiệp công nghệ số đạt 74.112 doanh nghiệp, đạt 66,5% tổng số doanh nghiệp ngành.',
      'Trong 9 tháng đầu năm 2024, kim ngạch xuất khẩu phần cứng, điện tử đạt 97,6 tỷ USD, tăng 28,4% so với cùng kỳ năm 2023 (76,0 tỷ USD).',
    ].join('\n'),
    [
      'Ngày 20/6/2025, Bộ tổ chức hội nghị sơ kết công tác 6 tháng đầu năm với 450 đại biểu.',
      'Sáu tháng đầu năm 2025, số hồ sơ trực tuyến toàn trình đạt 45.230 hồ sơ, tăng 32,5% so với 6 tháng đầu năm 2024 (34.136 hồ sơ), bằng 132,5% so với cùng kỳ.',
      'Năm 2024 là năm thứ ba liên tiếp doanh thu tăng trên 10%.',
    ].join('\n'),
  ),
  ...honest(
    'ordinary text with numbers that are not statements',
    'Ngày 15/7/2025, Bộ tổ chức Hội nghị sơ kết 6 tháng với sự tham gia của 34 tỉnh, thành phố.',
    'Bộ đã trình Chính phủ 05 dự thảo Nghị định, ban hành 12 Thông tư; 03 nhiệm vụ đang triển khai.',
    'Việt Nam xếp thứ 17/194 quốc gia về Chỉ số an toàn, an ninh mạng toàn cầu năm 2024, tăng 8 bậc.',
    'Phấn đấu đến năm 2030 có 100.000 doanh nghiệp công nghệ số, tỷ lệ người dân có điện thoại thông minh đạt 95%.',
  ),
];
