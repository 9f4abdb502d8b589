import { describe, expect, it } from 'vitest';
import { checkText } from './check.ts';

const codes = async (text: string) => (await checkText(null, text)).findings.map((f) => f.code);

describe('the fact-checker speaks only when sure', () => {
  it('lists a comparison year as read but not judged when the sentence does not say its own period', async () => {
    const text = [
      'Kế hoạch 5 năm 2021 – 2025 của ngành đặt mục tiêu doanh thu bình quân tăng 10%/năm.',
      'Trong 6 tháng đầu năm, doanh thu ước đạt 2.050 tỷ đồng, tăng 12% so với cùng kỳ năm 2023 (1.830 tỷ đồng) và đạt 49% kế hoạch năm 2024.',
    ].join('\n');
    const r = await checkText(null, text);
    expect(r.findings).toEqual([]);
    const read = r.read.find((x) => x.kind === 'change')!;
    expect(read).toMatchObject({ checked: true, yearChecked: false, period: null });
    expect(read.yearReason).toContain('không đối chiếu năm so sánh');
    expect(read.yearReasonEn).toContain('not judged');
  });

  it('judges the year when the sentence names both the period and the base', async () => {
    const r = await checkText(
      null,
      'Trong 6 tháng đầu năm 2024, doanh thu ước đạt 2.050 tỷ đồng, tăng 12% so với cùng kỳ năm 2022 (1.830 tỷ đồng).',
    );
    expect(r.findings.map((f) => [f.code, f.quote, f.expected])).toEqual([
      ['WRONG_COMPARISON_YEAR', 'cùng kỳ năm 2022', '2023'],
    ]);
    expect(r.read[0]).toMatchObject({ yearChecked: true, period: '2024S1', periodFrom: 'sentence' });
  });

  it('follows an explicit anaphor back to the sentence it points to', async () => {
    const r = await checkText(
      null,
      'Tháng 3/2025, hệ thống ghi nhận 410 cuộc tấn công mạng. Con số này giảm 20% so với cùng kỳ năm 2024 (512 cuộc).',
    );
    expect(r.findings).toEqual([]);
    expect(r.read[0]).toMatchObject({
      period: '2025M03',
      periodFrom: 'anaphor',
      yearChecked: true,
      checked: true,
    });
  });

  it('never carries a period across a source break, a heading or a quoted line', async () => {
    const text = [
      '=== NGUỒN 1 ===',
      'BÁO CÁO THÁNG 3/2025',
      'Doanh thu viễn thông ước đạt 2.410 tỷ đồng, tăng 5% so với cùng kỳ năm 2024 (2.295 tỷ đồng).',
      '=== NGUỒN 2 ===',
      'Số thuê bao băng rộng đạt 412.300 thuê bao, tăng 4,5% so với cùng kỳ năm 2023 (394.550 thuê bao).',
      'I. KẾT QUẢ QUÝ I/2025',
      'Nộp ngân sách đạt 310 tỷ đồng, tăng 3,3% so với cùng kỳ năm 2024 (300 tỷ đồng).',
      'II. NHIỆM VỤ THỜI GIAN TỚI',
      'Phấn đấu doanh thu đạt 2.600 tỷ đồng, tăng 8% so với cùng kỳ năm 2024 (2.407 tỷ đồng).',
      '> Sản lượng bưu gửi đạt 52 triệu, tăng 4% so với cùng kỳ năm 2024 (50 triệu).',
    ].join('\n');
    const r = await checkText(null, text);
    expect(r.findings).toEqual([]);
    expect(r.read.map((x) => [x.period, x.periodFrom])).toEqual([
      // The title of the first source opens its section.
      ['2025M03', 'paragraph'],
      [null, null],
      ['2025Q1', 'paragraph'],
      [null, null],
      [null, null],
    ]);
  });

  it('notes a missing unit only where the subject is an amount that needs one', async () => {
    expect(
      await codes('Doanh thu dịch vụ số đạt 1.245, tăng 18,2% so với cùng kỳ năm 2024 (1.053).'),
    ).toEqual(['MISSING_UNIT']);
    expect(
      await codes('Các cơ quan báo chí được cấp phép mới đạt 9, tăng 12,5% so với năm 2023 (8).'),
    ).toEqual([]);
    expect(await codes('Trong kỳ có 14, tăng 16,7% so với kỳ trước (12).')).toEqual([]);
  });
});

describe('the fact-checker reads what real prose writes', () => {
  it('checks a share written as a fraction of counts, and leaves ranks and densities alone', async () => {
    const wrong = await checkText(null, 'Có 42/60 tỉnh, thành phố (chiếm 75%) đã ban hành kế hoạch.');
    expect(wrong.findings.map((f) => [f.code, f.quote, f.stated, f.expected])).toEqual([
      ['SHARE_MISMATCH', '75%', '75', '70,0'],
    ]);
    expect(await codes('Có 42/60 tỉnh, thành phố (chiếm 70%) đã ban hành kế hoạch.')).toEqual([]);
    expect(await codes('Việt Nam xếp thứ 41/181 quốc gia, đạt 86 thuê bao/100 dân, tăng 5%.')).toEqual([]);
    expect(await codes('Theo Quyết định 45/2016/QĐ-TTg, tỷ lệ đạt 100%.')).toEqual([]);
  });

  it('checks "X trên tổng số Y … đạt P%" and "đạt P% (A/B)"', async () => {
    expect(await codes('Tiếp nhận 3.300 hồ sơ trực tuyến trên tổng số 5.000 hồ sơ, đạt 67%.')).toEqual([
      'SHARE_MISMATCH',
    ]);
    expect(await codes('Tiếp nhận 3.300 hồ sơ trực tuyến trên tổng số 5.000 hồ sơ, đạt 66%.')).toEqual([]);
    expect(await codes('Tỷ lệ trường học có kết nối cáp quang đạt 92% (230/250 trường).')).toEqual([]);
    expect(await codes('Tỷ lệ trường học có kết nối cáp quang đạt 95% (230/250 trường).')).toEqual([
      'SHARE_MISMATCH',
    ]);
  });

  it('checks a whole given before its part ("có B …, trong đó A …, đạt P%") only in one noun', async () => {
    const wrong = await checkText(
      null,
      'Toàn tỉnh có 1.200 trạm phát sóng, trong đó 900 trạm phát sóng đã được kiểm định, đạt tỷ lệ 70%, tăng 4% so với năm trước.',
    );
    expect(wrong.findings.map((f) => [f.code, f.stated, f.expected])).toEqual([
      ['SHARE_MISMATCH', '70', '75,0'],
    ]);
    expect(
      await codes('Tổng số trạm là 1.200 trạm, trong đó số trạm đã kiểm định là 900 trạm, đạt 75%.'),
    ).toEqual([]);
    // Another noun, a plan share, a share of another whole: not a share of this whole.
    expect(await codes('Vốn đăng ký là 1.200 tỷ đồng, trong đó 900 dự án đã khởi công, đạt 70%.')).toEqual(
      [],
    );
    expect(
      await codes('Doanh thu đạt 1.200 tỷ đồng, trong đó bán lẻ đạt 900 tỷ đồng, đạt 70% kế hoạch năm.'),
    ).toEqual([]);
    expect(
      await codes(
        'Xuất khẩu đạt 1.200 tỷ đồng, trong đó khu vực FDI 900 tỷ đồng, chiếm 22% tổng kim ngạch cả nước.',
      ),
    ).toEqual([]);
  });

  it('reads a percent printed after a space or a no-break space', async () => {
    for (const space of [' ', '\u00a0', '\u202f']) {
      const text = `Doanh thu tháng 6/2025 đạt 330 tỷ đồng, tăng 12${space}% so với cùng kỳ năm 2024 (300 tỷ đồng).`;
      const r = await checkText(null, text);
      expect(
        r.findings.map((f) => [f.code, f.expected]),
        JSON.stringify(space),
      ).toEqual([['RATE_MISMATCH', '10,0']]);
      expect(r.findings[0]!.quote).toBe(`12${space}%`);
    }
  });

  it('reads "lần" and percentage points, and moves "từ … lên …"', async () => {
    expect(await codes('Số giao dịch đạt 45 triệu, gấp 3 lần so với cùng kỳ năm 2024 (15 triệu).')).toEqual(
      [],
    );
    expect(await codes('Số giao dịch đạt 45 triệu, gấp 2 lần so với cùng kỳ năm 2024 (15 triệu).')).toEqual([
      'RATE_MISMATCH',
    ]);
    expect(await codes('Tỷ lệ phủ sóng 5G tăng từ 20,5% lên 26,0% (5,5 điểm phần trăm).')).toEqual([]);
    expect(await codes('Tỷ lệ phủ sóng 5G tăng từ 20,5% lên 26,0% (6,5 điểm phần trăm).')).toEqual([
      'RATE_MISMATCH',
    ]);
    expect(await codes('Doanh thu tăng từ 200 tỷ đồng lên 250 tỷ đồng, tương ứng tăng 25%.')).toEqual([]);
    // A range of rates is never one rate: not judged.
    expect(await codes('Doanh thu dự kiến tăng từ 10% đến 15% so với năm 2024 (200 tỷ đồng).')).toEqual([]);
  });

  it('tells dates from periods and Roman-numeral quarters', async () => {
    expect(
      await codes('Ngày 15/10/2025, Sở cho biết doanh thu tăng 9% so với cùng kỳ năm 2023 (1.000 tỷ đồng).'),
    ).toEqual([]);
    expect(
      await codes(
        'Quý III/2025, doanh thu đạt 1.090 tỷ đồng, tăng 9% so với cùng kỳ năm 2023 (1.000 tỷ đồng).',
      ),
    ).toEqual(['WRONG_COMPARISON_YEAR']);
    expect(
      await codes('Quý III/2025, doanh thu đạt 1.090 tỷ đồng, tăng 9% so với quý III/2024 (1.000 tỷ đồng).'),
    ).toEqual([]);
  });

  it('compares the total, not the last of the parts listed in brackets after it', async () => {
    const text =
      'Trong tháng 6/2025 có 300 vụ tấn công (150 vụ lừa đảo, 90 vụ thay đổi giao diện, 60 vụ mã độc), giảm 25% so với tháng 5/2025 (400 vụ).';
    expect(await codes(text)).toEqual([]);
    expect(await codes(text.replace('giảm 25%', 'giảm 30%'))).toEqual(['RATE_MISMATCH']);
  });
});

describe('shares of things counted one by one', () => {
  const findings = async (text: string) =>
    (await checkText(null, text)).findings.map((f) => [f.code, f.quote, f.expected]);

  it('takes whole counts as exact: a share off in its second decimal is caught', async () => {
    // 318 of 342 is 92,982%: read as rounded figures (±0,5) it could be anything from 92,7% to
    // 93,3%, but communes and stations are counted, not rounded.
    expect(
      await findings('Toàn tỉnh có 318 trạm/342 xã, phường, thị trấn có trạm phát sóng, đạt tỷ lệ 92,91%.'),
    ).toEqual([['SHARE_MISMATCH', '92,91%', '92,98']]);
    expect(
      await findings('Toàn tỉnh có 318 trạm/342 xã, phường, thị trấn có trạm phát sóng, đạt tỷ lệ 92,98%.'),
    ).toEqual([]);
  });

  it('accepts an exact share rounded or cut at the decimals the text prints', async () => {
    for (const rate of ['66,7', '66,6', '67'])
      expect(await findings(`Đã có 2/3 huyện ban hành kế hoạch chuyển đổi số, đạt ${rate}%.`)).toEqual([]);
    expect(await findings('Đã có 2/3 huyện ban hành kế hoạch chuyển đổi số, đạt 66,5%.')).toEqual([
      ['SHARE_MISMATCH', '66,5%', '66,7'],
    ]);
  });

  it('reads counts written with their nouns, but never a density or a figure per unit', async () => {
    const r = await checkText(null, 'Có 1.204 điểm bưu điện/1.310 xã, phường, đạt tỷ lệ 91,9%.');
    expect(r.read).toMatchObject([{ kind: 'share', checked: true, value: 1204, base: 1310 }]);
    expect(r.findings).toEqual([]);
    for (const text of [
      'Mật độ đạt 92 thuê bao/100 dân, đạt 96% kế hoạch năm 2025.',
      'Bình quân 3,15 km/1 điểm phục vụ, đạt 88% kế hoạch năm 2025.',
      'Mỗi điểm phục vụ bình quân 5.120 người/1 điểm, đạt 97% kế hoạch năm 2025.',
    ])
      expect(await findings(text)).toEqual([]);
  });

  it('keeps rounded amounts rounded: a share of amounts in tỷ đồng is not exact', async () => {
    // 1.250 of 1.840 tỷ đồng is 67,93%; printed to the tỷ, 67,9% and 68,0% both can follow.
    expect(
      await findings('Doanh thu dịch vụ đạt 1.250 tỷ đồng trên tổng số 1.840 tỷ đồng, chiếm 68,0%.'),
    ).toEqual([]);
  });
});

describe('the fact-checker on long input', () => {
  it('takes time in proportion to the text, even with no sentence break or closing bracket', async () => {
    const unit = 'Doanh thu đạt 100 tỷ đồng tăng 10 % so với cùng kỳ năm 2023 (tương ứng ';
    // The process's CPU time, not the clock's: on a machine shared with other work the clock also
    // counts the time other processes ran (ratios of 11 measured at a load average of 14 where the
    // CPU time's were 4.5–6.7), which no change of ours causes.
    const cpuMs = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    const best = async (text: string) => {
      let t = Infinity;
      for (let i = 0; i < 3; i++) {
        const s = cpuMs();
        await checkText(null, text);
        t = Math.min(t, cpuMs() - s);
      }
      return t;
    };
    // Four times the text: about four times the time when linear, sixteen when quadratic. A
    // collector's pause does not repeat while a quadratic cost does: a second try is allowed.
    const ratios: number[] = [];
    for (let attempt = 0; attempt < 2 && !ratios.some((r) => r < 10); attempt++)
      ratios.push((await best(unit.repeat(1200))) / (await best(unit.repeat(300))));
    expect(Math.min(...ratios)).toBeLessThan(10);
  });
});
