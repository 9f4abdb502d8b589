/**
 * The forms real prose writes, in sentences invented for these tests (no sentence is copied from a
 * publication): shares of counts, "trên tổng số", increases with the rate in brackets, a space or a
 * no-break space before "%", "lần", "điểm phần trăm", moves "từ … lên …", Roman-numeral quarters,
 * dates beside periods, totals beside their parts, stitched sources and multi-year plans. Each slip's
 * figures are worked out in the comment beside it, by hand.
 */
import type { CorpusCase } from './cases.ts';

const honest = (form: string, ...texts: string[]): CorpusCase[] =>
  texts.map((text) => ({ text, expect: [], form }));
const slip = (form: string, text: string, ...expect: CorpusCase['expect']): CorpusCase => ({
  text,
  expect,
  form,
});

export const PROSE_CASES: CorpusCase[] = [
  // Speak only when sure: a year from outside the sentence is no ground for a finding.
  ...honest(
    'half-year statement after a five-year plan: year not judged',
    'Kế hoạch phát triển hạ tầng số 5 năm 2021 – 2025 đặt mục tiêu phủ sóng toàn tỉnh.\nTrong 6 tháng đầu năm, doanh thu bưu chính, viễn thông của tỉnh ước đạt 1.240 tỷ đồng, tăng 8,2% so với cùng kỳ năm 2024 và ước đạt 48,5% kế hoạch năm 2025.',
    'Giai đoạn 2021-2025, tỉnh đầu tư 320 trạm BTS.\nSáu tháng đầu năm, nộp ngân sách tăng 6,4% so với cùng kỳ năm 2024.',
  ),
  ...honest(
    'a half-year against both halves before it',
    'Trong 6 tháng đầu năm 2025, số vụ tấn công mạng là 3.120 vụ, giảm 12,4% so với 6 tháng cuối năm 2024, tăng 5,1% so với 6 tháng đầu năm 2024.',
  ),
  ...honest(
    'stitched sources: a title does not reach past a break',
    '=== NGUỒN 1: BÁO CÁO THÁNG 3/2025 ===\nDoanh thu viễn thông ước đạt 2.410 tỷ đồng.\n=== NGUỒN 2 ===\nSố thuê bao băng rộng cố định đạt 412.300 thuê bao, tăng 4,5% so với cùng kỳ năm 2023.',
  ),
  ...honest(
    'a bare small count needs no unit',
    'Các cơ quan báo chí được cấp phép mới đạt 9, tăng 12,5% so với năm 2023 (8).',
  ),
  // Shares of counts.
  ...honest(
    'share of counts: honest',
    'Đến nay có 58/63 tỉnh, thành phố (92,1%) đã kết nối nền tảng giám sát.',
    'Có 61/63 địa phương đã ban hành kế hoạch chuyển đổi số năm 2025, đạt 96,8%.',
    'Toàn tỉnh tiếp nhận 52.340 hồ sơ trực tuyến trên tổng số 80.120 hồ sơ, đạt 65,3%.',
    'Tỷ lệ xã có điểm phục vụ bưu chính đạt 97,5% (195/200 xã).',
    'Số hồ sơ xử lý trực tuyến toàn trình là 38.450 và tổng số hồ sơ tiếp nhận là 61.200, chiếm 62,8%.',
    'Việt Nam xếp thứ 41/181 quốc gia về tốc độ băng rộng cố định, tăng 5 bậc; mật độ đạt 86 thuê bao/100 dân.',
  ),
  slip(
    'share of counts: A/B (chiếm P%)',
    'Có 45/63 tỉnh, thành phố (chiếm 78%) đã đưa nền tảng vào vận hành.', // 45/63 = 71,4%
    { code: 'SHARE_MISMATCH', quote: '78%' },
  ),
  slip(
    'share of counts: X trên tổng số Y, đạt P%',
    'Toàn tỉnh tiếp nhận 52.340 hồ sơ trực tuyến trên tổng số 80.120 hồ sơ, đạt 66,3%.', // 65,3%
    { code: 'SHARE_MISMATCH', quote: '66,3%' },
  ),
  slip(
    'share of counts: đạt P% (A/B)',
    'Tỷ lệ xã có điểm phục vụ bưu chính đạt 98,5% (195/200 xã).', // 97,5%
    { code: 'SHARE_MISMATCH', quote: '98,5%' },
  ),
  slip(
    'share of counts: A và tổng số … là B, chiếm P%',
    'Số hồ sơ xử lý trực tuyến toàn trình là 38.450 và tổng số hồ sơ tiếp nhận là 61.200, chiếm 64,8%.', // 62,8%
    { code: 'SHARE_MISMATCH', quote: '64,8%' },
  ),
  // Percent with a space or a no-break space; the increase with the rate in brackets.
  ...honest(
    'percent after a space',
    'Doanh thu quý I/2025 đạt 2.150 tỷ đồng, tăng 7,5 % so với cùng kỳ năm 2024 (2.000 tỷ đồng).',
    'Doanh thu quý I/2025 đạt 2.150 tỷ đồng, tăng 7,5\u00a0% so với cùng kỳ năm 2024 (2.000 tỷ đồng).',
    'Số thuê bao điện thoại thông minh đạt 101,2 triệu, tăng 3,8 triệu thuê bao (3,9 %) so với cùng kỳ năm 2024.',
  ),
  slip(
    'percent after a space: wrong rate',
    'Doanh thu quý I/2025 đạt 2.150 tỷ đồng, tăng 8,5 % so với cùng kỳ năm 2024 (2.000 tỷ đồng).', // 7,5%
    { code: 'RATE_MISMATCH', quote: '8,5 %' },
  ),
  slip(
    'percent after a no-break space: wrong rate',
    'Doanh thu quý I/2025 đạt 2.150 tỷ đồng, tăng 8,5\u00a0% so với cùng kỳ năm 2024 (2.000 tỷ đồng).',
    { code: 'RATE_MISMATCH', quote: '8,5\u00a0%' },
  ),
  slip(
    'an increase with its rate in brackets',
    'Số thuê bao điện thoại thông minh đạt 101,2 triệu, tăng 3,8 triệu thuê bao (4,9%) so với cùng kỳ năm 2024.', // 3,8/97,4 = 3,9%
    { code: 'RATE_MISMATCH', quote: '4,9%' },
  ),
  // "lần", points, moves.
  ...honest(
    '"lần" read both ways when it follows "tăng"',
    'Số chứng thư số cá nhân đạt 12,6 triệu, tăng 2,1 lần so với cùng kỳ năm 2024 (6,0 triệu).',
    'Số chứng thư số cá nhân đạt 12,6 triệu, tăng 1,1 lần so với cùng kỳ năm 2024 (6,0 triệu).',
    'Tỷ lệ hộ gia đình dùng cáp quang tăng từ 79,4% lên 83,1% (3,7 điểm phần trăm).',
    'Doanh thu an toàn thông tin tăng từ 230 tỷ đồng lên 432 tỷ đồng, tương ứng tăng 87,8%.',
    'Doanh thu dịch vụ số dự kiến tăng từ 10% đến 15% so với năm 2024.',
  ),
  slip(
    '"gấp … lần": wrong multiple',
    'Số chứng thư số cá nhân đạt 12,6 triệu, gấp 3,1 lần so với cùng kỳ năm 2024 (6,0 triệu).', // 2,1
    { code: 'RATE_MISMATCH', quote: '3,1 lần' },
  ),
  slip(
    'a move in points: từ … lên …',
    'Tỷ lệ hộ gia đình dùng cáp quang tăng từ 79,4% lên 83,1% (4,7 điểm phần trăm).', // 3,7
    { code: 'RATE_MISMATCH', quote: '4,7' },
  ),
  slip(
    'a move: từ … lên …, tương ứng tăng r%',
    'Doanh thu an toàn thông tin tăng từ 230 tỷ đồng lên 432 tỷ đồng, tương ứng tăng 78,8%.', // 87,8%
    { code: 'RATE_MISMATCH', quote: '78,8%' },
  ),
  // Roman-numeral quarters; dates beside periods; a period compared with itself; an anaphor.
  ...honest(
    'Roman-numeral quarter and dates',
    'Quý IV/2024, doanh thu đạt 905 tỷ đồng, tăng 9,2% so với quý IV/2023 (829 tỷ đồng).',
    'Ngày 15/7/2025, Sở tổ chức hội nghị sơ kết; doanh thu bưu chính tăng 8% so với cùng kỳ năm 2023.',
    'Hội nghị ngày 12 tháng 7 năm 2025 cho biết nộp ngân sách tăng 5,5% so với cùng kỳ năm 2023.',
  ),
  slip(
    'Roman-numeral quarter: wrong comparison year',
    'Quý IV/2024, doanh thu đạt 905 tỷ đồng, tăng 9,2% so với cùng kỳ năm 2022 (829 tỷ đồng).',
    { code: 'WRONG_COMPARISON_YEAR', quote: 'cùng kỳ năm 2022' },
  ),
  slip(
    'a month compared with itself',
    'Doanh thu tháng 1/2025 đạt 300 tỷ đồng, giảm 14% so với tháng 1/2025.',
    { code: 'WRONG_COMPARISON_YEAR', quote: 'tháng 1/2025' },
  ),
  slip(
    'an anaphor carries its sentence’s period',
    'Tháng 8/2025, hệ thống ghi nhận 349 cuộc tấn công mạng. Con số này giảm 25% so với cùng kỳ năm 2023.',
    { code: 'WRONG_COMPARISON_YEAR', quote: 'cùng kỳ năm 2023' },
  ),
  // A second base beside the year before is deliberate; an increase written after the base.
  ...honest(
    'a pre-pandemic base beside the year before',
    'Tính chung 9 tháng đầu năm 2023, lượng khách quốc tế đạt 8,9 triệu lượt, gấp 3,5 lần so với cùng kỳ năm trước nhưng vẫn giảm 18,2% so với cùng kỳ năm 2019.',
    'Tổng số tên miền đang duy trì đạt 640.500, tăng 5,1% so với lũy kế cùng kỳ năm trước (tương ứng 31.200 tên miền).',
  ),
  slip(
    'the increase after the base: wrong rate',
    'Tổng số tên miền đang duy trì đạt 640.500, tăng 6,8% so với lũy kế cùng kỳ năm trước (tương ứng 31.200 tên miền).', // 31.200 / 609.300 = 5,1%
    { code: 'RATE_MISMATCH', quote: '6,8%' },
  ),
  // Totals beside their parts.
  ...honest(
    'a total after its parts, and before its parts in brackets',
    'Trong tháng 4/2025, hệ thống ghi nhận 120 vụ lừa đảo, 85 vụ thay đổi giao diện và 47 vụ cài mã độc, tổng cộng 252 vụ, giảm 10% so với tháng 3/2025 (280 vụ).',
    'Trong tháng 4/2025, hệ thống ghi nhận 252 vụ tấn công (120 vụ lừa đảo, 85 vụ thay đổi giao diện, 47 vụ cài mã độc), giảm 10% so với tháng 3/2025 (280 vụ).',
  ),
  slip(
    'a total before its parts in brackets: wrong rate',
    'Trong tháng 4/2025, hệ thống ghi nhận 252 vụ tấn công (120 vụ lừa đảo, 85 vụ thay đổi giao diện, 47 vụ cài mã độc), giảm 15% so với tháng 3/2025 (280 vụ).', // −10%
    { code: 'RATE_MISMATCH', quote: '15%' },
  ),
];
