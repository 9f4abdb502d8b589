import {
  LEGAL_KINDS,
  LegalStage,
  REGISTRY_KINDS,
  type RegistryItem,
  STAGE_LABELS,
} from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { ErrorBox } from '../ui.tsx';
import { call } from '../client.ts';

type Field = [
  name: string,
  vi: string,
  en: string,
  type: 'text' | 'date' | 'number' | 'checkbox' | 'stage' | 'docKind',
];
const FIELDS: Record<(typeof REGISTRY_KINDS)[number], { vi: string; en: string; fields: Field[] }> = {
  legal_document: {
    vi: 'Văn bản',
    en: 'Legal documents',
    fields: [
      ['docKind', 'Loại văn bản', 'Kind of document', 'docKind'],
      ['stage', 'Giai đoạn', 'Stage', 'stage'],
      ['number', 'Số, ký hiệu', 'Number', 'text'],
      ['issuedOn', 'Ngày', 'Date', 'date'],
      ['title', 'Trích yếu', 'Title', 'text'],
    ],
  },
  task: {
    vi: 'Nhiệm vụ',
    en: 'Tasks',
    fields: [
      ['title', 'Nhiệm vụ', 'Task', 'text'],
      ['leadUnit', 'Đơn vị chủ trì', 'Lead unit', 'text'],
      ['dueOn', 'Hạn', 'Due', 'date'],
      ['toGovernment', 'Trình Chính phủ', 'To the Government', 'checkbox'],
    ],
  },
  activity: {
    vi: 'Hoạt động',
    en: 'Activities',
    fields: [
      ['startOn', 'Ngày', 'Date', 'date'],
      ['place', 'Địa điểm', 'Place', 'text'],
      ['participants', 'Thành phần', 'Participants', 'text'],
      ['summary', 'Nội dung', 'Summary', 'text'],
    ],
  },
  notable_issue: {
    vi: 'Vấn đề nổi bật',
    en: 'Notable issues',
    fields: [
      ['title', 'Tiêu đề', 'Title', 'text'],
      ['summary', 'Nội dung', 'Summary', 'text'],
    ],
  },
  petition: {
    vi: 'Kiến nghị cử tri',
    en: 'Voter petitions',
    fields: [
      ['session', 'Kỳ họp', 'Session', 'number'],
      ['legislature', 'Khóa (XV)', 'Legislature', 'text'],
      ['received', 'Tiếp nhận', 'Received', 'number'],
      ['processed', 'Đã xử lý', 'Processed', 'number'],
      ['published', 'Đã công khai', 'Published', 'number'],
    ],
  },
};

const describe = (i: RegistryItem) =>
  i.kind === 'legal_document'
    ? `${i.docKind} ${i.number ?? ''} — ${i.title}`
    : i.kind === 'petition'
      ? `Kỳ họp ${i.session} khóa ${i.legislature}: ${i.processed}/${i.received}`
      : i.kind === 'activity' || i.kind === 'notable_issue'
        ? i.summary
        : i.title;

/** The registries of a period: legal documents, tasks, activities, issues, petitions — list, add, delete. */
export function RegistryPanel({ period }: { period: string }) {
  const { t, can } = useApp();
  const fmt = useFormat();
  const writer = can('registry.write');
  const [kind, setKind] = useState<(typeof REGISTRY_KINDS)[number]>('legal_document');
  const items = useLoad(['GET /api/registries', period], () =>
    call('GET /api/registries', { query: { period } }),
  );
  const [error, setError] = useState<Error | null>(null);
  const spec = FIELDS[kind];
  const add = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const item: Record<string, unknown> = { kind, period };
    for (const [name, , , type] of spec.fields) {
      const v = f.get(name);
      if (type === 'checkbox') item[name] = v === 'on';
      else if (v !== null && String(v).trim() !== '')
        item[name] = type === 'number' ? Number(v) : String(v).trim();
    }
    setError(null);
    try {
      await call('POST /api/registries', { body: { items: [item] } });
      e.currentTarget?.reset();
      items.reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  const remove = async (id: number) => {
    setError(null);
    try {
      await call('DELETE /api/registries/:id', {
        params: { id },
        query: { reason: 'xóa từ trình soạn báo cáo' },
      });
      items.reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return (
    <div className="card">
      <h2>{t('Văn bản, nhiệm vụ, hoạt động của kỳ', 'Registries of the period')}</h2>
      <ul>
        {items.data?.map((i) => (
          <li key={i.id}>
            <small>{t(FIELDS[i.kind].vi, FIELDS[i.kind].en)}</small> {describe(i)}{' '}
            {writer && (
              <button type="button" className="link small" onClick={() => remove(i.id)}>
                {t('Xóa', 'Delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {writer && (
        <form onSubmit={add}>
          <label>
            {t('Thêm', 'Add')}{' '}
            <select
              value={kind}
              onChange={(e) => setKind(REGISTRY_KINDS.find((k) => k === e.target.value) ?? 'task')}
            >
              {REGISTRY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(FIELDS[k].vi, FIELDS[k].en)}
                </option>
              ))}
            </select>
          </label>
          {spec.fields.map(([name, vi, en, type]) => (
            <label key={kind + name}>
              {t(vi, en)}{' '}
              {type === 'stage' ? (
                <select name={name}>
                  {LegalStage.options.map((s) => (
                    <option key={s} value={s}>
                      {fmt.label(STAGE_LABELS, s)}
                    </option>
                  ))}
                </select>
              ) : type === 'docKind' ? (
                <select name={name}>
                  {LEGAL_KINDS.map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              ) : (
                <input name={name} type={type} />
              )}
            </label>
          ))}
          <button type="submit">{t('Thêm mục', 'Add item')}</button>
        </form>
      )}
      <ErrorBox error={error ?? items.error} />
    </div>
  );
}
