import { parseArgs } from 'node:util';

const HELP = `baocao — nền tảng thống kê, báo cáo (statistics and reporting)

Cách dùng / usage: baocao <lệnh> [tùy chọn]

  init                         tạo danh mục chỉ tiêu và đơn vị / create the catalog and units
  demo                         nạp dữ liệu mẫu của hai báo cáo gốc / load the seed reports' data
  import FILE [--reason R]     nhập số liệu CSV, XLSX, JSON (tất cả hoặc không) / import values
  import FILE --format dhis2 [--strategy CREATE_AND_UPDATE|CREATE|UPDATE|DELETE] [--dry-run] [--id-scheme UID|CODE|NAME]
                               bộ giá trị DHIS2 (.json hoặc .csv) / a DHIS2 data value set
  export [--indicator A,B] [--unit U] [--period P] [--format csv|xlsx|json|dhis2] [--out FILE]
  template --unit U --period P [--out FILE]   biểu mẫu XLSX / the XLSX form
  compare --indicator CODE [--unit CODE] --period P [--json]
  indicators [--json]          danh mục chỉ tiêu / the indicator catalog
  units [--json] [--at DATE]   danh mục đơn vị / org units
  history --indicator CODE --unit CODE --period P   lịch sử thay đổi / audit history
  lock --period P [--reason R] | unlock --period P --reason R
  range list [--unit U] | range set --indicator I --unit U [--min N] [--max N] [--hard] [--reason R]
      | range clear --indicator I --unit U   khoảng giá trị (--hard: từ chối khi nhập) / value ranges
  serve [--port N]             chạy máy chủ / run the server (PORT, default 3000)

  report --template T --period P [--unit U] [--format md|html|docx|json] [--out FILE]
                               viết báo cáo từ số liệu / write a report (hop-bao-thang, giao-ban-quy)
  report-edit --template T --period P --section S [--text "..."] [--mode replace|append]
  report-details --template T --period P [--number N] [--date YYYY-MM-DD]
  publish --template T --period P [--number N] [--date D] [--force --reason R]
  report-templates [--json] | report-template FILE.json   mẫu báo cáo / report templates
  check FILE [--json]          kiểm tra số liệu trong văn bản (.txt .md .docx) / fact-check text
  registry list [--kind K] [--period P] [--json] | add FILE.json | edit ID FILE.json | delete ID
                               văn bản, nhiệm vụ, hoạt động, vấn đề, kiến nghị / registries
  feed FILE                    nguồn quan sát botnet (CSV/NDJSON, .gz) → ATTT.IP_BOTNET / botnet feed
  prefixes FILE.csv            bảng tiền tố IP → nhà mạng, tỉnh (prefix,operator,province)
  incidents FILE.csv           sự cố tấn công mạng → ATTT.TAN_CONG_MANG / incident records
  botnet --period P            địa chỉ botnet theo tỉnh, nhà mạng; sự cố theo loại / counts
  infosystems-import FILE      danh mục hệ thống thông tin theo cấp độ (CSV/XLSX; chờ duyệt) / declare systems
  infosystems --period P       hệ thống thông tin theo cấp độ tại cuối kỳ / the registry's figures
  rules [--json] | rule FILE.json [--reason R]   quy tắc kiểm tra (lưu: phiên bản mới) / validation rules
  violations --period P [--unit U] [--indicator C] [--format csv|xlsx] [--out FILE]
                               phân tích kiểm tra: mọi vi phạm quy tắc / validation analysis

  backup FILE                  sao lưu toàn bộ kho (mọi bảng, cả nhật ký) / back up the whole store
  restore FILE                 phục hồi vào một kho trống (--data DIR hoặc DATABASE_URL) / restore

Kho dữ liệu / store: --data DIR or BAOCAO_DATA (PGlite, default ./data); DATABASE_URL for PostgreSQL.`;

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    indicator: { type: 'string' },
    unit: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    reason: { type: 'string' },
    port: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean', default: false },
    template: { type: 'string' },
    section: { type: 'string' },
    text: { type: 'string' },
    mode: { type: 'string' },
    number: { type: 'string' },
    date: { type: 'string' },
    kind: { type: 'string' },
    force: { type: 'boolean', default: false },
    strategy: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'id-scheme': { type: 'string' },
    min: { type: 'string' },
    max: { type: 'string' },
    hard: { type: 'boolean', default: false },
    'demo-if-empty': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const [name, ...args] = positionals;
if (flags.help || !name) {
  // Help needs none of the platform: printed before anything heavy is loaded, so it is instant.
  console.log(HELP);
  process.exit(0);
}
const [{ COMMANDS }, { BaocaoError }] = await Promise.all([import('./commands.ts'), import('@baocao/core')]);
const command = COMMANDS[name];
if (!command) {
  console.log(HELP);
  process.exit(2);
}
try {
  await command({ flags, args });
} catch (err) {
  if (err instanceof BaocaoError) {
    console.error(`Lỗi [${err.code}]: ${err.message}\n  ${err.messageEn}`);
    for (const d of err.details.slice(0, 50)) console.error(`  - ${d.message} [${d.code}]`);
    if (err.details.length > 50) console.error(`  … và ${err.details.length - 50} lỗi khác / more errors`);
    process.exit(1);
  }
  throw err;
}
