// The plausible request of every write route, shared by the fuzz tests (mutations, shapes): each
// is the starting point its hostile variants are made from.

/** mulberry32: a small seeded generator, so a failure can be replayed with its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PERIOD = '2025M09';
const CSV = `indicator,unit,period,value,status,note\nVT.DOANH_THU,P01,${PERIOD},1200,ước,\n`;
/** A plausible body (or file) per write endpoint, the starting point of its mutations. */
export const SEEDS: Record<string, { body?: unknown; raw?: string; query?: string }> = {
  'POST /api/values': {
    body: {
      values: [
        { indicator: 'VT.DOANH_THU', unit: 'P01', period: PERIOD, value: 5, status: 'ước', note: 'x' },
      ],
      reason: 'r',
    },
  },
  'POST /api/imports': { raw: CSV, query: 'filename=x.csv' },
  'PUT /api/forms': {
    body: {
      unit: 'P48',
      period: PERIOD,
      values: [{ indicator: 'VT.DOANH_THU', value: '1.250', status: 'chính thức' }],
    },
  },
  'POST /api/forms/submit': {
    body: { unit: 'P48', period: PERIOD, values: [{ indicator: 'VT.DOANH_THU', value: 12 }] },
  },
  'POST /api/forms/import': {
    raw: CSV.replaceAll('P01', 'P48'),
    query: `unit=P48&period=${PERIOD}&filename=f.csv`,
  },
  'POST /api/forms/return': { body: { unit: 'P48', period: PERIOD, comment: 'sửa lại' } },
  'POST /api/forms/approve': { body: { unit: 'P48', period: PERIOD } },
  'POST /api/forms/unlock': { body: { unit: 'P48', period: PERIOD, reason: 'mở' } },
  'POST /api/forms/remind': { body: { period: PERIOD } },
  'POST /api/forms/remind/send': { body: { period: PERIOD } },
  'POST /api/notifications/read': { body: { ids: [1, 2] } },
  'PUT /api/notifications/preferences': {
    body: { username: 'reporter-danang', email: 'a@b.vn', language: 'en', muted: ['digest'] },
  },
  'PUT /api/periods': { body: { period: '2025M10', dueOn: '2025-11-15', closed: false } },
  'POST /api/releases': { body: { period: PERIOD } },
  'PUT /api/users': { body: { username: 'leader', disabled: true, reason: 'nghỉ việc' } },
  'POST /api/users': {
    body: {
      username: 'nv-moi',
      displayName: 'Nhân viên',
      role: 'reporter',
      unit: 'P01',
      password: 'mat-khau-dai-du',
    },
  },
  'PUT /api/reports/sections': {
    body: {
      template: 'hop-bao-thang',
      period: '2024M08',
      section: 'van-de',
      text: 'Văn bản',
      mode: 'append',
    },
  },
  'PUT /api/reports/details': {
    body: { template: 'hop-bao-thang', period: '2024M08', number: '12', date: '2024-09-01' },
  },
  'POST /api/reports/publish': {
    body: { template: 'hop-bao-thang', period: '2024M08', force: true, reason: 'x' },
  },
  'PUT /api/report-templates': {
    body: { code: 'mau-moi', titleVi: 'Mẫu', periodType: 'month', sections: [] },
  },
  'POST /api/registries': {
    body: {
      items: [
        {
          kind: 'legal_document',
          period: '2024M08',
          docKind: 'Quyết định',
          stage: 'issued_ministry',
          number: '1459/QĐ-BTTTT',
          issuedOn: '2024-08-28',
          title: 'Phê duyệt',
        },
      ],
    },
  },
  'PUT /api/registries/:id': {
    body: { item: { kind: 'activity', period: '2024M08', title: 'Hội nghị', startOn: '2024-08-05' } },
  },
  'DELETE /api/registries/:id': { query: 'reason=x' },
  'POST /api/infosystems': {
    body: {
      items: [
        {
          owner: 'P01',
          name: 'Cổng dịch vụ công thành phố',
          proposedLevel: 3,
          approvedLevel: 3,
          decisionNumber: '12/QĐ-UBND',
          decisionDate: '2024-03-15',
          protection: 'deployed',
          deployedOn: '2024-09-20',
        },
      ],
    },
  },
  'POST /api/infosystems/import': {
    raw: 'owner,name,proposedLevel,inServiceFrom\nP01,Cổng dịch vụ công,3,10/01/2022\n',
    query: 'filename=s.csv',
  },
  'POST /api/infosystems/approve': { body: { ids: [1, 2] } },
  'POST /api/infosystems/:id/return': { body: { reason: 'Thiếu quyết định phê duyệt' } },
  'PUT /api/rules': {
    body: {
      code: 'FUZZ.LOI_NHUAN',
      nameVi: 'Lợi nhuận không vượt doanh thu',
      nameEn: 'Profit within revenue',
      left: '#{NGANH.LOI_NHUAN}',
      operator: '<=',
      right: '#{NGANH.DOANH_THU}',
      importance: 'error',
      periodTypes: ['M'],
      unitKinds: ['province'],
      reason: 'Thử nghiệm',
    },
  },
  'PUT /api/value-ranges': {
    body: { indicator: 'VT.DOANH_THU', unit: 'P01', min: 0, max: 5000, hard: false, reason: 'Thử nghiệm' },
  },
  'DELETE /api/value-ranges': { query: 'indicator=VT.DOANH_THU&unit=P01' },
  'POST /api/outliers/check': {
    body: { unit: 'P01', period: PERIOD, values: [{ indicator: 'VT.DOANH_THU', value: 1200 }] },
  },
  'POST /api/tasks/:id/status': { body: { status: 'slipped', note: 'Chờ thẩm định', dueOn: '2024-10-15' } },
  'POST /api/feeds/botnet': {
    raw: 'ip,seen_at,source\n14.160.1.1,2024-08-01,vncert\n',
    query: 'filename=f.csv',
  },
  'POST /api/feeds/prefixes': {
    raw: 'prefix,operator,province\n14.160.0.0/16,VNPT,P01\n',
    query: 'filename=p.csv',
  },
  'POST /api/feeds/incidents': {
    raw: 'ref,date,type,sector,province,status\nZ1,2024-08-02,phishing,bank,P01,open\n',
    query: 'filename=i.csv',
  },
  'PUT /api/indicators': {
    body: [
      {
        code: 'X.MOI',
        nameVi: 'Mới',
        nameEn: 'New',
        unitVi: 'tỷ đồng',
        precision: 0,
        kind: 'flow',
        acrossUnits: 'sum',
        domain: 'X',
      },
    ],
  },
  'POST /api/units': {
    body: [{ code: 'DN.MOI', nameVi: 'Doanh nghiệp mới', kind: 'enterprise', parentCode: 'VN' }],
  },
  'PUT /api/plans': { body: [{ indicator: 'VT.DOANH_THU', unit: 'VN', year: 2025, value: 1000 }] },
  'POST /api/check': {
    body: { text: 'Doanh thu đạt 100 tỷ đồng, tăng 10% so với cùng kỳ năm 2023 (90 tỷ đồng).' },
  },
  'POST /api/auth/logout': { body: {} },
  'POST /api/dataValueSets': {
    body: {
      dataValues: [
        {
          dataElement: 'VT.DOANH_THU',
          period: '202509',
          orgUnit: 'P01',
          categoryOptionCombo: 'HllvX50cXC0',
          value: '12.5',
          comment: 'x',
        },
      ],
    },
    query: 'idScheme=CODE&importStrategy=CREATE_AND_UPDATE',
  },
  'PUT /api/org-names': { body: { key: 'issuer.short', validFrom: '2027-01-01', value: 'Bộ X' } },
  'DELETE /api/org-names': { query: 'key=issuer.short&validFrom=2027-01-01' },
  'POST /api/:version/dataValueSets': {
    body: {
      dataValues: [
        {
          dataElement: 'VT.DOANH_THU',
          period: '202509',
          orgUnit: 'P01',
          categoryOptionCombo: 'HllvX50cXC0',
          value: '12.5',
          comment: 'x',
        },
      ],
    },
    query: 'idScheme=CODE&importStrategy=CREATE_AND_UPDATE',
  },
  'PUT /api/dhis2/ids': { body: [{ kind: 'unit', code: 'P01', uid: 'Hn2025Mrg01', dhis2Code: 'HA_NOI' }] },
  'POST /api/sdmx/data': {
    raw: 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS\ndataflow,BAOCAO:DF_VT(1.0),I,VT-DOANH_THU,P01,2025-09,7.5,E\n',
  },
};
